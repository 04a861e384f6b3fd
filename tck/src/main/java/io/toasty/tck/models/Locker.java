package io.toasty.tck.models;

import io.toasty.Secret;
import io.toasty.annotations.Embeddable;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * A record whose secrets lie in an embedded record as {@code Secret<T>} fields: sensitive
 * columns of the model, masked as a model's own {@code Secret<T>} fields are.
 */
@Model
public record Locker(@Key UUID id, String owner, Combination combination) {

  /** A lock's combination: a label anyone may read, a code and an optional pin. */
  @Embeddable
  public record Combination(String label, Secret<String> code,
      Optional<Secret<Integer>> pin) {}
}
