package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A shopper's basket (load family): the first level of include, with items below it. */
@Model
public record Basket(
    @Key @Auto UUID id,
    @Index UUID shopperId,
    BelongsTo<Shopper> shopper,
    String label,
    int seq,
    HasMany<Item> items) {}
