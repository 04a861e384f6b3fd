package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.HasOne;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** A composite primary key, (region, code), referenced by composite foreign keys. */
@Model
public record Org(
    @Key String region,
    @Key String code,
    String name,
    HasMany<Squad> squads,
    HasOne<Optional<Charter>> charter) {}
