package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.HasOne;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/** Eager relations: every query of a festival loads its stages and its poster. */
@Model
public record Festival(
    @Key @Auto UUID id,
    String name,
    @HasMany.Eager HasMany<Stage> stages,
    @HasOne.Eager HasOne<Optional<Poster>> poster,
    HasMany<Pass> passes) {}
