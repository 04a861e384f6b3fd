package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A badge of a {@link Subscriber}: relations next to sealed-interface fields (sealed family). */
@Model
public record Badge(
    @Key UUID id,
    String title,
    @Index UUID subscriberId,
    BelongsTo<Subscriber> subscriber) {}
