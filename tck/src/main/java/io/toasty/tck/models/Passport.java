package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;

/** A citizen's required passport. */
@Model
public record Passport(
    @Key @Auto long id,
    @Unique long citizenId,
    BelongsTo<Citizen> citizen,
    String number) {}
