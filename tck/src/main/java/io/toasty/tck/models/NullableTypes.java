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

/** An {@code Optional} field of every supported type. */
@Model(entry = "NullableTypesRows")
public record NullableTypes(
    @Key @Auto UUID id,
    Optional<Boolean> optBool,
    Optional<Byte> optByte,
    Optional<Short> optShort,
    Optional<Integer> optInt,
    Optional<Long> optLong,
    Optional<Float> optFloat,
    Optional<Double> optDouble,
    Optional<String> optText,
    Optional<UUID> optUuid,
    Optional<BigDecimal> optDecimal,
    Optional<byte[]> optBytes,
    Optional<Instant> optInstant,
    Optional<LocalDate> optDate,
    Optional<LocalTime> optTime,
    Optional<LocalDateTime> optDateTime,
    Optional<OffsetDateTime> optOffsetDateTime,
    Optional<Color> optColor) {}
