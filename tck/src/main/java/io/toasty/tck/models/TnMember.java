package io.toasty.tck.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.TenantId;
import io.toasty.annotations.Unique;
import java.util.UUID;

/**
 * A tenant-scoped model with an {@code @Unique} that leaves out the tenant (tenancy family): the
 * index leads with the tenant, so each tenant may hold the same email once.
 */
@Model
public record TnMember(
    @Key @Auto UUID id,
    @TenantId String tenant,
    @Unique String email,
    String name) {}
