package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A festival pass: an eager belongs-to, whose festival brings its own eager relations. */
@Model
public record Pass(
    @Key @Auto UUID id,
    @Index UUID festivalId,
    @BelongsTo.Eager BelongsTo<Festival> festival,
    String holder) {}
