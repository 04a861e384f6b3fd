package io.toasty.spring.app;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;

/** A test model: authors with unique emails and their articles. */
@Model
public record Author(@Key @Auto long id, String name, @Unique String email,
    @HasMany.Pair("author") HasMany<Article> articles) {}
