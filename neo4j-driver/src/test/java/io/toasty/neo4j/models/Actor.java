package io.toasty.neo4j.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** An actor and the films it plays in, through castings. */
@Model
public record Actor(@Key @Auto UUID id, String name, HasMany<Casting> castings,
    @HasMany.Via("castings.film") HasMany<Film> films) {}
