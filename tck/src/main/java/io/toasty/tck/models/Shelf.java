package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** A shelf of essays (deferred fields family): deferred fields of included records. */
@Model
public record Shelf(@Key long id, String name, HasMany<Essay> essays) {}
