package io.toasty.codegen.samples;

import io.toasty.annotations.Embedded;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** A model keyed by an embedded record: the key's columns are the record's. */
@Model(repository = true)
public record OrderLine(
    @Key @Embedded Id id,
    String product,
    Optional<Integer> quantity) {

  /** The key: an order and a line number in it. */
  public record Id(long orderId, int line) {}
}
