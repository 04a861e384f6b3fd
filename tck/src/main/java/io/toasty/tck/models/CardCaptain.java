package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Index;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** The captain of a team, which has zero or one (the cardinality scenarios). */
@Model
public record CardCaptain(
    @Key @Auto UUID id,
    String name,
    @Index UUID teamId,
    BelongsTo<CardTeam> team) {}
