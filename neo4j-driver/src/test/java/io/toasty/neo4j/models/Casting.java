package io.toasty.neo4j.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** The join model of films and actors: {@code (:Casting)-[:FILM]->(:Film)} and an ACTOR one. */
@Model
public record Casting(@Key @Auto UUID id, UUID filmId, BelongsTo<Film> film, UUID actorId,
    BelongsTo<Actor> actor, String role) {}
