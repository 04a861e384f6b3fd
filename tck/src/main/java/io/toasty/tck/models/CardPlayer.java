package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Index;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/** A player of at most one team, which allows at most three (the cardinality scenarios). */
@Model
public record CardPlayer(
    @Key @Auto UUID id,
    String name,
    @Index Optional<UUID> teamId,
    BelongsTo<Optional<CardTeam>> team) {}
