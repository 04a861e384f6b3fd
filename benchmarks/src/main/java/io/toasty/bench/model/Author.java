package io.toasty.bench.model;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A parent of the include workload, as the raw and Spring Data versions read it (Toasty reads the
 * same rows as {@link LinkedAuthor}): an author of ten {@link Book}s.
 */
@Table("authors")
public record Author(@Id long id, String name) {}
