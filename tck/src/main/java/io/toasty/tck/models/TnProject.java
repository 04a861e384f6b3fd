package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Default;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.TenantId;
import java.util.UUID;

/**
 * A tenant-scoped model (tenancy family): its tenant is no part of its key. Its changes are
 * reported, which only a subscriber under {@code Tenant.none()} may follow.
 */
@Model(changes = true)
public record TnProject(
    @Key @Auto UUID id,
    @TenantId String tenant,
    String name,
    @Default("0") long score,
    HasMany<TnTask> tasks) {}
