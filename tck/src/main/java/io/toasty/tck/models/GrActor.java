package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** Plays roles in films, a many-to-many through a join model with properties. */
@Model
public record GrActor(
    @Key @Auto UUID id,
    String name,
    HasMany<GrRole> roles,
    @HasMany.Via("roles.film") HasMany<GrFilm> films) {}
