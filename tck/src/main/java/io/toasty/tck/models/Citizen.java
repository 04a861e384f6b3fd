package io.toasty.tck.models;

import io.toasty.HasOne;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** Has a required one-to-one passport: it is created with the citizen. */
@Model
public record Citizen(
    @Key @Auto UUID id,
    String name,
    HasOne<Passport> passport) {}
