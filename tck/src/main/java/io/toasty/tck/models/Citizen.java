package io.toasty.tck.models;

import io.toasty.HasOne;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** Has a required one-to-one passport: it is created with the citizen. */
@Model
public record Citizen(
    @Key @Auto long id,
    String name,
    HasOne<Passport> passport) {}
