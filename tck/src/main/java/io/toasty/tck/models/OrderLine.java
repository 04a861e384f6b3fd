package io.toasty.tck.models;

import io.toasty.annotations.Embeddable;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import java.util.Optional;

/**
 * A model keyed by an embedded record (embedded key family): columns {@code id_order_id} and
 * {@code id_line} are the primary key (on DynamoDB, the partition and the sort key).
 */
@Model
@Table("sealdoc_order_lines")
public record OrderLine(
    @Key LineId id,
    String product,
    int quantity,
    Optional<String> note) {

  /** The key: an order, and a line number within it. */
  @Embeddable
  public record LineId(long orderId, int line) {}
}
