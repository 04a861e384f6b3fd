package io.toasty.reactive.exec;

import io.toasty.value.Type;
import io.toasty.value.Value;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * One reading of a {@code Db}'s clock, handed out as values of the time types a field can hold.
 * Truncated to microseconds, the finest that PostgreSQL and MariaDB keep, so that the record a
 * write returns equals the one read back later on every backend.
 */
final class Now {
  private final Instant instant;
  private final Clock clock;

  Now(Clock clock) {
    this.clock = clock;
    this.instant = clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The reading as a value of {@code type}; local types in the clock's zone, offsets at UTC. */
  Value as(Type type) {
    if (type == Type.Scalar.INSTANT) {
      return new Value.Timestamp(instant);
    }
    if (type == Type.Scalar.OFFSET_DATE_TIME) {
      // at UTC: the SQL backends store the instant and read it back at UTC
      return new Value.OffsetDateTimeValue(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
    if (type == Type.Scalar.LOCAL_DATE_TIME) {
      return new Value.DateTime(LocalDateTime.ofInstant(instant, clock.getZone()));
    }
    if (type == Type.Scalar.LOCAL_DATE) {
      return new Value.Date(LocalDate.ofInstant(instant, clock.getZone()));
    }
    throw new IllegalStateException("now() cannot make a value of " + type);
  }
}
