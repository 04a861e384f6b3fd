package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** Belongs to a {@link Squad} through the composite foreign key (squadCode, squadName). */
@Model
public record Medal(
    @Key String id,
    @Index String squadCode,
    String squadName,
    @BelongsTo.Key(value = {"squadCode", "squadName"}, references = {"code", "name"})
    BelongsTo<Squad> squad,
    String title) {}
