package io.toasty.tck.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A tag a team has at most two of (the cardinality scenarios). */
@Model
public record CardTag(
    @Key @Auto UUID id,
    String name) {}
