package io.toasty.codegen.samples;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** A two-word name: table {@code order_items}, an index on a two-word column. */
@Model
public record OrderItem(@Key @Auto long id, @Index long orderId, int quantity) {}
