package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** UUID keys: nested creates whose keys the engine generates. */
@Model
public record Team(
    @Key @Auto UUID id,
    String name,
    HasMany<Player> players) {}
