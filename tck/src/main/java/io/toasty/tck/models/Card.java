package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.util.UUID;

/** A shopper's optional card (load family): a has-one beside the baskets. */
@Model
public record Card(
    @Key @Auto UUID id,
    @Unique UUID shopperId,
    BelongsTo<Shopper> shopper,
    String number) {}
