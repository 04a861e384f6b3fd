package io.toasty.docs.softdelete;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.SoftDelete;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A model of docs/models.md, Soft delete. */
// snippet: soft-delete-model
@Model
public record Customer(
    @Key @Auto UUID id,
    String name,
    @SoftDelete Optional<Instant> deletedAt,   // empty while live, the time of the delete after
    HasMany<Order> orders) {}
// end-snippet
