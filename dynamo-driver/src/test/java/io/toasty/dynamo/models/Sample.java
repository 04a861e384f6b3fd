package io.toasty.dynamo.models;

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

/** A field of every type. */
@Model
public record Sample(
    @Key UUID id,
    boolean flag,
    byte b,
    short s,
    int i,
    long l,
    float f,
    double d,
    String text,
    UUID uuid,
    BigDecimal dec,
    byte[] bytes,
    Instant instant,
    LocalDate date,
    LocalTime time,
    LocalDateTime dateTime,
    OffsetDateTime offsetDateTime,
    Color color,
    Optional<String> maybe) {}
