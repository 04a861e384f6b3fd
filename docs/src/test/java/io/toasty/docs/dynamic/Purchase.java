package io.toasty.docs.dynamic;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A customer's purchase, for relation filters. */
@Model
public record Purchase(
    @Key @Auto UUID id,
    @Index UUID customerId,
    BelongsTo<Customer> customer,
    String item,
    int cents) {}
