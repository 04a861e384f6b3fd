package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A sales region (via family): its sales through its stores, their lines through the sales. */
@Model
public record Region(
    @Key @Auto UUID id,
    String name,
    HasMany<Store> stores,
    @HasMany.Via("stores.sales") HasMany<Sale> sales,
    @HasMany.Via("stores.sales.lines") HasMany<SaleLine> lines) {}
