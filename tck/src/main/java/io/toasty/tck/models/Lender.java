package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/**
 * A lender (referential integrity family): the record that {@link Advance}, {@link Lien} and
 * {@link Voucher} refer to, each relation with its own integrity.
 */
@Model
public record Lender(@Key long id, String name,
    @HasMany.Pair("lender") HasMany<Advance> advances) {}
