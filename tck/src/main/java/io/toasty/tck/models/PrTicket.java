package io.toasty.tck.models;

import io.toasty.HasOne;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import java.util.Optional;
import java.util.UUID;

/**
 * A support ticket with a has-one to a polymorphic model (polymorphic relation family), whose
 * pair only one variant declares: the order placed through it, if any.
 */
@Model
@Table("polyrel_tickets")
public record PrTicket(@Key UUID id, String title, HasOne<Optional<PrActivity>> order) {}
