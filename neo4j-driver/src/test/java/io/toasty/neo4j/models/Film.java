package io.toasty.neo4j.models;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/**
 * A film of a studio: in the graph, {@code (:Film)-[:STUDIO]->(:Studio)}, no studioId property;
 * its actors through castings.
 */
@Model
public record Film(@Key @Auto UUID id, UUID studioId, BelongsTo<Studio> studio, String title,
    HasMany<Casting> castings, @HasMany.Via("castings.actor") HasMany<Actor> actors) {}
