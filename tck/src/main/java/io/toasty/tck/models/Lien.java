package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/**
 * A lien (referential integrity family): its {@link Lender} cannot be deleted while it exists
 * ({@code @BelongsTo.Restrict}).
 */
@Model
public record Lien(@Key long id, @Index long lenderId, @BelongsTo.Restrict BelongsTo<Lender> lender,
    String note) {}
