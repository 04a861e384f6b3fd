package io.toasty.spring.app;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Json;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A test model with sealed values: {@code status} stored in columns (string tags, one the
 * variant's name), {@code plan} stored as one JSON document (numeric tags).
 */
@Model
public record Task(@Key @Auto long id, String title, Status status, @Json Optional<Plan> plan) {

  /** Stored in columns: status, status_blocked_reason, status_blocked_until. */
  public sealed interface Status permits Open, Blocked {}

  /** No fields; tagged by its name. */
  public record Open() implements Status {}

  /** Blocked for a reason, maybe until a time. */
  @Discriminator("blocked")
  public record Blocked(String reason, Optional<Instant> until) implements Status {}

  /** Stored as one document: {"type":2,"cents":..,"features":[..]}. */
  public sealed interface Plan permits Free, Paid {}

  /** Tag 1. */
  @Discriminator(number = 1)
  public record Free() implements Plan {}

  /** Tag 2. */
  @Discriminator(number = 2)
  public record Paid(long cents, List<String> features) implements Plan {}
}
