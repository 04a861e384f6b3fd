package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Column;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * A model with embedded records (embedded family): a required home address (columns
 * {@code home_street}, {@code home_city}, ...), an optional work address under a renamed prefix
 * ({@code office_street}, ...), and purchases to include.
 */
@Model
public record Customer(
    @Key UUID id,
    String name,
    Address home,
    @Column("office") Optional<Address> work,
    HasMany<Purchase> purchases) {}
