package io.toasty.neo4j.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.SoftDelete;
import io.toasty.annotations.Unique;
import java.util.UUID;

/** A soft-deleted model (a flag marker) with a unique name: unique among live handles. */
@Model
public record Handle(
    @Key @Auto UUID id,
    @Unique String name,
    @SoftDelete boolean retired) {}
