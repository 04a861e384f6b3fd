package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.Deferred;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/**
 * An essay (deferred fields family): its body and its optional scan are deferred, read only by
 * queries that include them or afterwards by key.
 */
@Model
public record Essay(
    @Key long id,
    @Index long shelfId,
    BelongsTo<Shelf> shelf,
    String title,
    Deferred<String> body,
    Deferred<Optional<byte[]>> scan,
    int words) {}
