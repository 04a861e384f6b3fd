package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/**
 * Refers to a soft-deleted {@link SdBrand} by its code with a checked key (soft-delete family):
 * refused, as the code is unique among live brands only.
 */
@Model
public record SdBadge(
    @Key @Auto UUID id,
    @Index String brandCode,
    @BelongsTo.Key(value = "brandCode", references = "code") BelongsTo<SdBrand> brand) {}
