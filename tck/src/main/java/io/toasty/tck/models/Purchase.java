package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Embedded;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A purchase of a {@link Customer}, its price embedded before its foreign key. */
@Model
public record Purchase(
    @Key UUID id,
    @Embedded Money price,
    @Index UUID customerId,
    BelongsTo<Customer> customer) {}
