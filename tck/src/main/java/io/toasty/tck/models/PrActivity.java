package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import java.util.Optional;
import java.util.UUID;

/**
 * A polymorphic model with relations (polymorphic relation family): every variant belongs to a
 * member (the interface declares the accessors, so any activity reaches its member), and an
 * order alone may belong to a ticket. Notes belong to an activity of either variant. The foreign
 * keys are indexed (one index of the table, declared by each variant that has the field), which
 * DynamoDB reads them through.
 */
@Model
@Table("polyrel_activities")
public sealed interface PrActivity permits PrActivity.PrLogin, PrActivity.PrOrder {
  /** The member's key. */
  UUID memberId();

  /** The member the activity belongs to. */
  BelongsTo<PrMember> member();

  /** A login from a device. */
  @Model
  @Discriminator("login")
  record PrLogin(@Key UUID id, @Index UUID memberId, BelongsTo<PrMember> member, String device)
      implements PrActivity {}

  /** An order of an amount, maybe placed through a support ticket. */
  @Model
  @Discriminator("order")
  record PrOrder(@Key UUID id, @Index UUID memberId, BelongsTo<PrMember> member, long cents,
      @Index Optional<UUID> ticketId, BelongsTo<Optional<PrTicket>> ticket)
      implements PrActivity {}
}
