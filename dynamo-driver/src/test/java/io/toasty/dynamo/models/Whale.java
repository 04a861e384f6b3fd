package io.toasty.dynamo.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/** A whale in zero or one pod (the counted side of {@link Pod}'s limit). */
@Model
public record Whale(
    @Key @Auto UUID id,
    String name,
    @Index Optional<UUID> podId,
    BelongsTo<Optional<Pod>> pod) {}
