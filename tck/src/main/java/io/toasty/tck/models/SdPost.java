package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.SoftDelete;
import java.util.UUID;

/**
 * A soft-deleted child with a flag marker (soft-delete family): its required author makes a
 * soft delete of the author cascade to it.
 */
@Model
public record SdPost(
    @Key @Auto UUID id,
    @Index UUID authorId,
    BelongsTo<SdAuthor> author,
    String title,
    long likes,
    @SoftDelete boolean deleted) {}
