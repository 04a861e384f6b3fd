package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/**
 * An advance (referential integrity family): a required, checked key to its {@link Lender}
 * (deleting the lender deletes it) and an optional one to a guarantor (deleting the guarantor
 * sets it to null).
 */
@Model
public record Advance(@Key long id, @Index long lenderId, BelongsTo<Lender> lender,
    @Index Optional<Long> guarantorId, BelongsTo<Optional<Lender>> guarantor, long amount) {}
