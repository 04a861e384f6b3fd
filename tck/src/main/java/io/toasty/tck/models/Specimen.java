package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Embeddable;
import io.toasty.annotations.Json;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A field of every kind a model may hold, for the projection family: each is selected, grouped
 * by, made distinct and (where ordered) taken the least and greatest of, and must come back as
 * its own Java type on every backend.
 */
@Model
public record Specimen(
    @Key UUID id,
    boolean flag,
    byte tiny,
    short small,
    int medium,
    long large,
    float ratio,
    double score,
    String label,
    UUID ref,
    BigDecimal amount,
    byte[] blob,
    Instant at,
    LocalDate day,
    LocalTime clock,
    LocalDateTime stamp,
    OffsetDateTime zoned,
    Color color,
    Optional<Color> tint,
    Optional<Integer> extra,
    Spot spot,
    Optional<Spot> backup,
    Phase phase,
    @Json Note note,
    List<String> tags,
    Set<Long> codes,
    Map<String, Integer> counts,
    Optional<UUID> keeperId,
    BelongsTo<Optional<Keeper>> keeper) {

  /** An embedded record: columns {@code spot_city}, {@code spot_floor}. */
  @Embeddable
  public record Spot(String city, int floor) {}

  /** A sealed interface with data: a discriminator column and each variant's columns. */
  public sealed interface Phase permits Idle, Busy, Done {}

  /** No data: only its discriminator is stored. */
  public record Idle() implements Phase {}

  /** Busy with a task. */
  @Discriminator("busy")
  public record Busy(String task) implements Phase {}

  /** Done after some hours. */
  @Discriminator("done")
  public record Done(int hours) implements Phase {}

  /** A JSON document. */
  public record Note(String text, int stars) {}
}
