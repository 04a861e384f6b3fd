package io.toasty.tck.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A field of each date and time type with a range, for the value-range family's property that
 * every value read can be written back: the extremes a backend holds (PostgreSQL's infinities
 * among them) read, written back unchanged, filtered by and read again.
 */
@Model
public record FarTime(
    @Key UUID id,
    Instant instantValue,
    OffsetDateTime offsetValue,
    LocalDate dateValue,
    LocalDateTime dateTimeValue) {}
