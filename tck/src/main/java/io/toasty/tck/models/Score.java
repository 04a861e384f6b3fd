package io.toasty.tck.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * A game score, for constraints and aggregates: numbers of several widths, some of them
 * nullable, and text.
 */
@Model
public record Score(
    @Key @Auto UUID id,
    String name,
    int points,
    Optional<Integer> bonus,
    long total,
    Optional<Short> level,
    Optional<Double> ratio,
    Optional<String> tag) {}
