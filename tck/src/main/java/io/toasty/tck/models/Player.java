package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A team's player, with a UUID key and foreign key. */
@Model
public record Player(
    @Key @Auto UUID id,
    @Index UUID teamId,
    BelongsTo<Team> team,
    String name) {}
