package io.toasty.docs.relations;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** A receipt imported from a legacy system, whose vendor ids are not all known. */
@Model
public record Receipt(
    @Key @Auto long id,
    @Index long vendorId,
    @BelongsTo.Unchecked BelongsTo<Vendor> vendor,
    String note) {}
