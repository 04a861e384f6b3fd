package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A line of a sale (via family): three steps from its region. */
@Model
public record SaleLine(
    @Key @Auto UUID id,
    String sku,
    @Index UUID saleId,
    BelongsTo<Sale> sale) {}
