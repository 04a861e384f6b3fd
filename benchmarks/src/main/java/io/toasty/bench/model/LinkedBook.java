package io.toasty.bench.model;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;

/** Table {@code books} as Toasty models it: a book belongs to a {@link LinkedAuthor}. */
@Model
@Table("books")
public record LinkedBook(@Key @Auto long id, @Index long authorId,
    BelongsTo<LinkedAuthor> author, String title, int pages) {}
