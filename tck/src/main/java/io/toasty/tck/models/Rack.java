package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/**
 * A rack of trays (preload family): a has-many relation whose children have integral keys,
 * which an include built from the driver's rows orders by comparing primitives.
 */
@Model
public record Rack(@Key long id, String name, HasMany<Tray> trays) {}
