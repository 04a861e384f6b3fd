package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A painter: the belongs-to parent a nested create of a painting may create. */
@Model
public record Artist(
    @Key @Auto UUID id,
    String name,
    HasMany<Painting> paintings) {}
