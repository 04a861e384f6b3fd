package io.toasty.filter.model;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A person's note: the target of a relation filter. */
@Model
public record Note(
    @Key @Auto UUID id,
    @Index UUID personId,
    BelongsTo<Person> person,
    String text,
    int stars,
    String secret) {}
