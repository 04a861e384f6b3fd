package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/**
 * A lien (referential integrity family): its {@link Lender} cannot be deleted while it exists,
 * nor the {@link Advance} it may be held on ({@code @BelongsTo.Restrict}), also when a deleted
 * lender's cascade reaches that advance.
 */
@Model
public record Lien(@Key long id, @Index long lenderId, @BelongsTo.Restrict BelongsTo<Lender> lender,
    @Index Optional<Long> advanceId, @BelongsTo.Restrict BelongsTo<Optional<Advance>> advance,
    String note) {}
