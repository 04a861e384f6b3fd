package io.toasty.tck.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.SoftDelete;
import io.toasty.annotations.Unique;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A soft-deleted model whose unique code others refer to (soft-delete family): the code is
 * unique among live brands only, and {@link SdSticker} refers to it.
 */
@Model
public record SdBrand(
    @Key @Auto UUID id,
    @Unique String code,
    @SoftDelete Optional<Instant> deletedAt) {}
