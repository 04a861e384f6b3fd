package io.toasty.tck.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.util.Optional;
import java.util.UUID;

/**
 * A member of a team: a key the engine generates (so every backend can create one), a unique
 * email, an indexed team, and a nullable nickname. On DynamoDB: a GSI per index, and uniqueness
 * items for the email.
 */
@Model
public record Member(
    @Key @Auto UUID id,
    @Unique String email,
    @Index String team,
    int score,
    Optional<String> nickname) {}
