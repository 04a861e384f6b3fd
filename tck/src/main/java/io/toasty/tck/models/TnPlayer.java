package io.toasty.tck.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.TenantId;
import java.util.UUID;

/** The tenant-scoped target of {@link TnTeam}'s many-to-many (tenancy family). */
@Model
public record TnPlayer(
    @Key @Auto UUID id,
    @TenantId String tenant,
    String name) {}
