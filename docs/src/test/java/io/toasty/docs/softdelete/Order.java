package io.toasty.docs.softdelete;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.SoftDelete;
import java.util.UUID;

/** A model of docs/models.md, Soft delete: the flag form, deleted with its customer. */
// snippet: soft-delete-flag
@Model
public record Order(
    @Key @Auto UUID id,
    @Index UUID customerId,
    BelongsTo<Customer> customer,
    long cents,
    @SoftDelete boolean deleted) {}            // false while live
// end-snippet
