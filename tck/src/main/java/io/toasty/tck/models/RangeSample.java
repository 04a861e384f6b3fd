package io.toasty.tck.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One field of each type whose range differs between backends, for the hostile-value corpus of
 * {@code ValueRangeScenarios}: each value round-trips exactly or is refused with a typed error.
 */
@Model
public record RangeSample(
    @Key UUID id,
    String textValue,
    byte byteValue,
    int intValue,
    long longValue,
    float floatValue,
    double doubleValue,
    BigDecimal decimalValue,
    Instant instantValue,
    LocalDate dateValue,
    LocalDateTime dateTimeValue) {}
