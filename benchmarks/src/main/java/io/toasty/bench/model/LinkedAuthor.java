package io.toasty.bench.model;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;

/**
 * Table {@code authors} as Toasty models it, with its has-many relation to {@link LinkedBook}: what
 * Toasty's include workload reads. The raw and Spring Data versions read the same rows into
 * {@link Author} and {@link Book}, which have no relation fields (Spring Data could not map one).
 */
@Model
@Table("authors")
public record LinkedAuthor(@Key @Auto long id, String name, HasMany<LinkedBook> books) {}
