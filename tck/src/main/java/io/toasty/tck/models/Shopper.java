package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.HasOne;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * The load family's root: has many baskets (each with items: two levels of include) and an
 * optional card. Keys are UUIDs, which every backend can hold; {@code round} tags the rows a
 * load round wrote, so that each round's writes can be counted whole.
 */
@Model
public record Shopper(
    @Key @Auto UUID id,
    @Index String round,
    String name,
    HasMany<Basket> baskets,
    HasOne<Optional<Card>> card) {}
