package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A configured belongs-to: key bookIsbn references Book.isbn. */
@Model
public record Review(
    @Key @Auto UUID id,
    @Index String bookIsbn,
    @BelongsTo.Key(value = "bookIsbn", references = "isbn") BelongsTo<Book> book,
    int stars) {}
