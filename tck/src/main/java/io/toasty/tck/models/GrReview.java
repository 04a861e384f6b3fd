package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.EdgeDirection;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Relationship;
import java.util.UUID;

/**
 * A review, declared a relationship with no via: {@code (GrCritic)-[:gr_reviews]->(GrFilm)},
 * incoming to its first end, the film.
 */
@Relationship(direction = EdgeDirection.INCOMING)
@Model
public record GrReview(
    @Key @Auto UUID id,
    @Index UUID filmId,
    BelongsTo<GrFilm> film,
    @Index UUID criticId,
    BelongsTo<GrCritic> critic,
    int stars) {}
