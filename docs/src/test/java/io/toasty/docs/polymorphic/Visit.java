package io.toasty.docs.polymorphic;

import io.toasty.BelongsTo;
import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import java.util.UUID;

// snippet: polymorphic-relation-model
@Model
@Table("visits")
public sealed interface Visit permits Visit.Browse, Visit.Checkout {
  UUID shopperId();                 // optional: lets any Visit reach its shopper
  BelongsTo<Shopper> shopper();

  @Model
  @Discriminator("browse")
  record Browse(@Key UUID id, UUID shopperId, BelongsTo<Shopper> shopper, String page)
      implements Visit {}

  @Model
  @Discriminator("checkout")
  record Checkout(@Key UUID id, UUID shopperId, BelongsTo<Shopper> shopper, long cents)
      implements Visit {}
}
// end-snippet
