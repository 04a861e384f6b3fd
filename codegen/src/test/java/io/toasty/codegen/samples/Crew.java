package io.toasty.codegen.samples;

import io.toasty.HasMany;
import io.toasty.HasOne;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/**
 * A model with a has-many and a has-one to polymorphic model {@link Shift}, and a has-many to
 * one of its variants.
 */
@Model
public record Crew(@Key long id, String name, @HasMany.Pair("crew") HasMany<Shift> shifts,
    @HasOne.Pair("leads") HasOne<Optional<Shift>> lead,
    @HasMany.Pair("crew") HasMany<Shift.Night> nights) {}
