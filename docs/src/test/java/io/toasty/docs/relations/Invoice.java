package io.toasty.docs.relations;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** An invoice keeps its vendor: deleting a vendor with invoices is refused. */
@Model
public record Invoice(
    @Key @Auto long id,
    @Index long vendorId,
    @BelongsTo.Restrict BelongsTo<Vendor> vendor,
    long cents) {}
