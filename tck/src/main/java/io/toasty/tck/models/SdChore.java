package io.toasty.tck.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.SoftDelete;
import java.time.Instant;
import java.util.Optional;

/**
 * A soft-deleted model whose changes are followed (soft-delete family): a soft delete is
 * reported as a delete. A natural text key, which every backend can hold.
 */
@Model(changes = true)
public record SdChore(
    @Key String code,
    int points,
    @SoftDelete Optional<Instant> deletedAt) {}
