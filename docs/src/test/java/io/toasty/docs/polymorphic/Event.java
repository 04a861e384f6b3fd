package io.toasty.docs.polymorphic;

import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

// snippet: polymorphic-model
@Model
@Table("events")                      // id, user, at, url, cents, coupon, discriminator
public sealed interface Event permits Event.Click, Event.Purchase {

  @Model
  @Discriminator("click")
  record Click(@Key UUID id, String user, Instant at, String url) implements Event {}

  @Model
  @Discriminator("purchase")
  record Purchase(@Key UUID id, String user, Instant at, long cents, Optional<String> coupon)
      implements Event {}
}
// end-snippet
