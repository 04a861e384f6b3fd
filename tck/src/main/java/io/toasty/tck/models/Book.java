package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.util.UUID;

/** Referenced by a unique field, not its key: a configured belongs-to. */
@Model
public record Book(
    @Key @Auto UUID id,
    @Unique String isbn,
    String title,
    HasMany<Review> reviews) {}
