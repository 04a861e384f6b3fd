package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.TenantId;
import java.util.UUID;

/** A tenant-scoped model with a many-to-many through a scoped join model (tenancy family). */
@Model
public record TnTeam(
    @Key @Auto UUID id,
    @TenantId String tenant,
    String name,
    HasMany<TnRoster> rosters,
    @HasMany.Via("rosters.player") HasMany<TnPlayer> players) {}
