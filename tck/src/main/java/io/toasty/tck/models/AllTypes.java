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
import java.util.UUID;

/**
 * A field of every supported type, all required. Field names avoid SQL keywords so that a type
 * failure is never an identifier failure ({@link ReservedWords} tests those).
 */
@Model(entry = "AllTypesRows")
public record AllTypes(
    @Key @Auto UUID id,
    boolean boolValue,
    byte byteValue,
    short shortValue,
    int intValue,
    long longValue,
    float floatValue,
    double doubleValue,
    Boolean boxedBool,
    Byte boxedByte,
    Short boxedShort,
    Integer boxedInt,
    Long boxedLong,
    Float boxedFloat,
    Double boxedDouble,
    String textValue,
    UUID uuidValue,
    BigDecimal decimalValue,
    byte[] bytesValue,
    Instant instantValue,
    LocalDate dateValue,
    LocalTime timeValue,
    LocalDateTime dateTimeValue,
    OffsetDateTime offsetDateTimeValue,
    Color colorValue) {}
