package io.toasty.neo4j.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.util.Optional;
import java.util.UUID;

/** A UUID key, a unique email (a uniqueness constraint), an indexed team, a nullable nickname. */
@Model
public record Member(
    @Key @Auto UUID id,
    @Unique String email,
    @Index String team,
    int score,
    Optional<String> nickname) {}
