package io.toasty.bench.model;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A child of the include workload; {@code authorId} refers to {@link Author#id()}. */
@Table("books")
public record Book(@Id long id, long authorId, String title, int pages) {}
