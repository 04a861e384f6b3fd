package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/**
 * A voucher (referential integrity family): a legacy key left unchecked
 * ({@code @BelongsTo.Unchecked}), which may name a lender that does not exist.
 */
@Model
public record Voucher(@Key long id, @Index long lenderId,
    @BelongsTo.Unchecked BelongsTo<Lender> lender, String code) {}
