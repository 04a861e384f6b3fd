package io.toasty.filter.model;

import io.toasty.HasMany;
import io.toasty.annotations.Key;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Model;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A model with a field of most types, a field no request may see, and a relation. */
@Model
public record Person(
    @Key @Auto UUID id,
    String name,
    int age,
    Optional<String> nickname,
    boolean active,
    Mood mood,
    Instant createdAt,
    BigDecimal balance,
    long visits,
    double score,
    byte level,
    LocalDate born,
    String passwordHash,
    HasMany<Note> notes) {}
