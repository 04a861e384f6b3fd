package io.toasty.tck.models;

import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A polymorphic model (polymorphic family): three variants in table {@code poly_events}, one
 * discriminator column (string discriminators, one of them the record's name) and the union of
 * the variants' columns; {@code user}, {@code at} and {@code note} are shared by name.
 */
@Model
@Table("poly_events")
public sealed interface PolyEvent permits PolyEvent.PolyClick, PolyEvent.PolyPurchase,
    PolyEvent.PolyView {

  /** A click on a link. */
  @Model
  @Discriminator("click")
  record PolyClick(@Key UUID id, String user, Instant at, String url, Optional<String> note)
      implements PolyEvent {}

  /** A purchase: an amount, a quantity, maybe a coupon. */
  @Model
  @Discriminator("purchase")
  record PolyPurchase(@Key UUID id, String user, Instant at, long cents, int quantity,
      Optional<String> coupon, Optional<String> note) implements PolyEvent {}

  /** A page view: the shared fields only; its discriminator is its name. */
  @Model
  record PolyView(@Key UUID id, String user, Instant at) implements PolyEvent {}
}
