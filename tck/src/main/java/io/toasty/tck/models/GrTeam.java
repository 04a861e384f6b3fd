package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Relationship;
import java.util.UUID;

/** Has members, the relationship declared on the has-many side. */
@Model
public record GrTeam(
    @Key @Auto UUID id,
    String name,
    @Relationship(type = "HAS_MEMBER") HasMany<GrMember> members) {}
