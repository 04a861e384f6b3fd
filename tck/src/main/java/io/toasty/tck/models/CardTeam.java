package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.HasOne;
import io.toasty.annotations.AtMost;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * A team with limited relations (the cardinality scenarios): at most three players, zero or one
 * captain, at most two tags through the join model.
 */
@Model
public record CardTeam(
    @Key @Auto UUID id,
    String name,
    @AtMost(3) HasMany<CardPlayer> players,
    @AtMost(1) HasOne<Optional<CardCaptain>> captain,
    HasMany<CardTeamTag> teamTags,
    @AtMost(2) @HasMany.Via("teamTags.tag") HasMany<CardTag> tags) {}
