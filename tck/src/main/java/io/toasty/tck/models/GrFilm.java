package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A film, with its roles and its reviews. */
@Model
public record GrFilm(@Key @Auto UUID id, String title, HasMany<GrRole> roles,
    HasMany<GrReview> reviews) {}
