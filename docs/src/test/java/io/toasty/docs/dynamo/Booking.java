package io.toasty.docs.dynamo;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** A record with an integer key the application sets from a {@link KeyCounter}. */
@Model
public record Booking(@Key long number, String guest) {}
