package io.toasty.tck.models;

import io.toasty.annotations.Embeddable;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;

/**
 * A model keyed by an embedded record of three fields (embedded key family): a composite key of
 * three columns on SQL; DynamoDB, whose key is two attributes at most, refuses the table.
 */
@Model
@Table("sealdoc_wide_lines")
public record WideLine(
    @Key WideId id,
    String label) {

  /** A region, an order in it and a line of the order. */
  @Embeddable
  public record WideId(String region, long orderId, int line) {}
}
