package io.toasty.docs.dynamo;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/**
 * The join model of the DynamoDB guide's many-to-many example: a sailor on a boat's crew. Each
 * foreign key has an index of its own, through which includes and cascades find the links.
 */
@Model
public record Crewing(
    @Key @Auto UUID id,
    @Index UUID sailorId,
    BelongsTo<Sailor> sailor,
    @Index UUID boatId,
    BelongsTo<Boat> boat) {}
