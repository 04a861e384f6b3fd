package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.util.UUID;

/** A citizen's required passport. */
@Model
public record Passport(
    @Key @Auto UUID id,
    @Unique UUID citizenId,
    BelongsTo<Citizen> citizen,
    String number) {}
