package io.toasty.codegen.samples;

import io.toasty.annotations.Default;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A {@code @Default} of every type that has a literal form, including the extremes. */
@Model
public record Setting(
    @Key long id,
    @Default("true") boolean flag,
    @Default("-128") byte tiny,
    @Default("32767") short small,
    @Default("-2147483648") int minInt,
    @Default("9223372036854775807") long maxLong,
    @Default("1.5") float ratio,
    @Default("2.25e3") double amount,
    @Default("say \"hi\"\n") String text,
    @Default("123E4567-E89B-12D3-A456-426614174000") UUID uuid,
    @Default("12.50") BigDecimal price,
    @Default("2024-01-01T00:00:00Z") Instant at,
    @Default("2024-02-29") LocalDate day,
    @Default("12:30") LocalTime time,
    @Default("2024-01-01T12:30:00") LocalDateTime local,
    @Default("2024-01-01T12:30:00+01:00") OffsetDateTime offset,
    @Default("PUBLISHED") Status status,
    @Default("5") Integer boxed,
    @Default("none") Optional<String> maybeText) {}
