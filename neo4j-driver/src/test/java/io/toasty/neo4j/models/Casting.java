package io.toasty.neo4j.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * The join model of films and actors: one relationship {@code (:films)-[:castings {id, role}]->
 * (:actors)}, no node (a link through {@code Film.actors} leaves the role unset).
 */
@Model
public record Casting(@Key @Auto UUID id, UUID filmId, BelongsTo<Film> film, UUID actorId,
    BelongsTo<Actor> actor, Optional<String> role) {}
