package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link SoleOwner}'s item: its key to the owner is optional (an item may be unlinked, or
 * moved), and it sits on a required {@link SoleShelf}, whose delete cascades to it.
 */
@Model
public record SoleItem(
    @Key @Auto UUID id,
    @Index Optional<UUID> ownerId,
    BelongsTo<Optional<SoleOwner>> owner,
    @Index UUID shelfId,
    BelongsTo<SoleShelf> shelf,
    String label) {}
