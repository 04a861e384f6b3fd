package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** Holds {@link SoleItem}s: deleting it deletes them (their key to it is required). */
@Model
public record SoleShelf(
    @Key @Auto UUID id,
    String name,
    HasMany<SoleItem> items) {}
