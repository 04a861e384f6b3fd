package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A person of a follows graph (the path query scenarios), a many-to-many with itself. */
@Model
public record PqPerson(
    @Key @Auto UUID id,
    String name,
    int age,
    @HasMany.Pair("follower") HasMany<PqFollow> follows,
    @HasMany.Via("follows.followee") HasMany<PqPerson> following) {}
