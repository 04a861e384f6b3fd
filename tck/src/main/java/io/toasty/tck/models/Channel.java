package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A channel and its numbered episodes (include limits read in an index's order). */
@Model
public record Channel(@Key @Auto UUID id, String name, HasMany<Episode> episodes) {}
