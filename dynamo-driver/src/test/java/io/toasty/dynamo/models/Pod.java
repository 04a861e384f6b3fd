package io.toasty.dynamo.models;

import io.toasty.HasMany;
import io.toasty.annotations.AtMost;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A pod of at most two whales: a limited relation, kept by a counter on the pod's item. */
@Model
public record Pod(
    @Key @Auto UUID id,
    String name,
    @AtMost(2) HasMany<Whale> whales) {}
