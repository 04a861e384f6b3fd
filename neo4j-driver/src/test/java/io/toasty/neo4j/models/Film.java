package io.toasty.neo4j.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A film of a studio: in the graph, {@code (:Film)-[:STUDIO]->(:Studio)}, no studioId property. */
@Model
public record Film(@Key @Auto UUID id, UUID studioId, BelongsTo<Studio> studio, String title) {}
