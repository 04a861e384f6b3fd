package io.toasty.neo4j.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A studio and its films: the has-many side of {@link Film#studio}. */
@Model
public record Studio(@Key @Auto UUID id, String name, HasMany<Film> films) {}
