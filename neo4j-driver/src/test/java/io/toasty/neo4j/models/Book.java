package io.toasty.neo4j.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A book: holds the key of a relationship that points at it ({@link Publisher#books}). */
@Model
public record Book(@Key @Auto UUID id, String title, UUID publisherId,
    BelongsTo<Publisher> publisher) {}
