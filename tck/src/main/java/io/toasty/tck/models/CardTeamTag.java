package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Index;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** The join model of teams and tags (the cardinality scenarios). */
@Model
public record CardTeamTag(
    @Key @Auto UUID id,
    @Index UUID teamId,
    BelongsTo<CardTeam> team,
    @Index UUID tagId,
    BelongsTo<CardTag> tag) {}
