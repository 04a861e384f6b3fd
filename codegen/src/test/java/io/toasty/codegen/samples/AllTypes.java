package io.toasty.codegen.samples;

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

/** A field of every supported type: primitives, boxes, the value classes, an enum, Optionals. */
@Model(entry = "AllTypesModels")
public record AllTypes(
    @Key @Auto int id,
    boolean flag,
    byte tiny,
    short small,
    long big,
    float ratio,
    double amount,
    Boolean boxedFlag,
    Byte boxedTiny,
    Short boxedSmall,
    Integer boxedInt,
    Long boxedBig,
    Float boxedRatio,
    Double boxedAmount,
    String text,
    byte[] data,
    UUID uuid,
    BigDecimal price,
    Instant at,
    LocalDate day,
    LocalTime time,
    LocalDateTime local,
    OffsetDateTime offset,
    Status status,
    Optional<Boolean> maybeFlag,
    Optional<Long> maybeBig,
    Optional<String> maybeText,
    Optional<byte[]> maybeData,
    Optional<UUID> maybeUuid,
    Optional<BigDecimal> maybePrice,
    Optional<Instant> maybeAt,
    Optional<LocalDate> maybeDay,
    Optional<Status> maybeStatus) {}
