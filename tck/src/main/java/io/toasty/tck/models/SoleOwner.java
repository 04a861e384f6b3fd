package io.toasty.tck.models;

import io.toasty.HasOne;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** Has exactly one item (a required has-one), kept on every write path. */
@Model
public record SoleOwner(
    @Key @Auto UUID id,
    String name,
    HasOne<SoleItem> item) {}
