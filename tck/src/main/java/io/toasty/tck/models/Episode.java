package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * An episode of a {@link Channel}: the index on the foreign key is ordered by {@code number}
 * (on DynamoDB a global secondary index with {@code number} as its sort key), so a channel's
 * episodes are read in number order from the index; {@code rating} is optional (NULL order).
 */
@Model
public record Episode(@Key @Auto UUID id, @Index(sortBy = "number") UUID channelId,
    BelongsTo<Channel> channel, long number, String title, Optional<Integer> rating) {}
