package io.toasty.tck.models;

import io.toasty.annotations.Auto;
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

/**
 * A field of every type behind a UUID key: {@link AllTypes} with a key every backend can make,
 * so that key-value backends round-trip the types too.
 */
@Model
public record TypeSample(
    @Key @Auto UUID id,
    boolean boolValue,
    byte byteValue,
    short shortValue,
    int intValue,
    long longValue,
    float floatValue,
    double doubleValue,
    String textValue,
    UUID uuidValue,
    BigDecimal decimalValue,
    byte[] bytesValue,
    Instant instantValue,
    LocalDate dateValue,
    LocalTime timeValue,
    LocalDateTime dateTimeValue,
    OffsetDateTime offsetDateTimeValue,
    Color colorValue,
    Optional<String> optText,
    Optional<Long> optLong) {}
