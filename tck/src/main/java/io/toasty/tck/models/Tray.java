package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** A tray on a {@link Rack} (preload family): plain fields and an integral key. */
@Model
public record Tray(@Key long id, @Index long rackId, BelongsTo<Rack> rack, String label) {}
