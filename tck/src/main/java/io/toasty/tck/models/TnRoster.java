package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.TenantId;
import java.util.UUID;

/** The tenant-scoped join model of teams and players (tenancy family): its rows are scoped. */
@Model
public record TnRoster(
    @Key @Auto UUID id,
    @TenantId String tenant,
    @Index UUID teamId,
    BelongsTo<TnTeam> team,
    @Index UUID playerId,
    BelongsTo<TnPlayer> player) {}
