package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** An item in a basket (load family): the second level of include. */
@Model
public record Item(
    @Key @Auto UUID id,
    @Index UUID basketId,
    BelongsTo<Basket> basket,
    String sku) {}
