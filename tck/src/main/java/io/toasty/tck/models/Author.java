package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.HasOne;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * A writer (relations family): has many articles through two relations to one model (as author
 * and as editor), and an optional bio.
 */
@Model
public record Author(
    @Key @Auto UUID id,
    String name,
    @HasMany.Pair("author") HasMany<Article> articles,
    @HasMany.Pair("editor") HasMany<Article> edited,
    HasOne<Optional<Bio>> bio) {}
