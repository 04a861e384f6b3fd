package io.toasty.codegen.samples;

import io.toasty.Secret;
import io.toasty.annotations.Embeddable;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** A model whose embedded records hold {@code Secret<T>} fields, one of them optional. */
@Model
public record Keyring(@Key String name, Lock lock, Optional<Lock> spare) {

  /** A lock: a label anyone may read, a code and an optional pin kept out of text. */
  @Embeddable
  public record Lock(String label, Secret<String> code, Optional<Secret<Integer>> pin) {}
}
