package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * Refers to a soft-deleted {@link SdBrand} by its code, unique among live brands only (soft-delete
 * family): the key is a value, unchecked, naming the live brand that holds it, if any.
 */
@Model
public record SdSticker(
    @Key @Auto UUID id,
    @Index Optional<String> brandCode,
    @BelongsTo.Key(value = "brandCode", references = "code") @BelongsTo.Unchecked
    BelongsTo<Optional<SdBrand>> brand,
    String note) {}
