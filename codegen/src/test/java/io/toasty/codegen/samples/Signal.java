package io.toasty.codegen.samples;

import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import java.util.Optional;

/** A polymorphic model: two variants in one table, sharing key {@code id} and field {@code at}. */
@Model
@Table("signals")
public sealed interface Signal permits Signal.Ping, Signal.Pong {
  /** A ping. */
  @Model
  @Discriminator("ping")
  record Ping(@Key long id, long at, Optional<String> host) implements Signal {}

  /** A pong: its own field, and the shared {@code at}. */
  @Model
  @Discriminator("pong")
  record Pong(@Key long id, int latency, long at, String peer) implements Signal {}
}
