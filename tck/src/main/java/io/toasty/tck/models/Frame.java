package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Default;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A painting's frame: the third level of a nested create. */
@Model
public record Frame(
    @Key @Auto UUID id,
    @Index UUID paintingId,
    BelongsTo<Painting> painting,
    @Default("oak") String wood) {}
