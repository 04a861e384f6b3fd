package io.toasty.docs.model;

import io.toasty.annotations.Embeddable;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.time.Instant;

// snippet: embedded-key-model
@Model
public record Shipment(
    @Key ShipmentId id,              // key columns id_order_id, id_parcel
    String carrier,
    Instant sentAt) {

  @Embeddable
  public record ShipmentId(long orderId, int parcel) {}
}
// end-snippet
