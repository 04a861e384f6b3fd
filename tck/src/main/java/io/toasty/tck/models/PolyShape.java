package io.toasty.tck.models;

import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import java.util.Optional;

/**
 * A polymorphic model with numeric discriminators and a long key (polymorphic family), for the
 * round trip of random values: table {@code poly_shapes}.
 */
@Model
@Table("poly_shapes")
public sealed interface PolyShape permits PolyShape.PolySquare, PolyShape.PolyCircle {

  /** A square; {@code label} is shared with circles. */
  @Model
  @Discriminator(number = 1)
  record PolySquare(@Key long id, String label, double side, Optional<Long> weight)
      implements PolyShape {}

  /** A circle. */
  @Model
  @Discriminator(number = -7)
  record PolyCircle(@Key long id, String label, Optional<String> color, int hue, boolean filled)
      implements PolyShape {}
}
