package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Relationship;
import java.util.Optional;
import java.util.UUID;

/**
 * An actor in a film: one relationship, of the declared type, with three properties besides its
 * key.
 */
@Relationship(type = "PLAYED_IN")
@Model
public record GrRole(
    @Key @Auto UUID id,
    @Index UUID actorId,
    BelongsTo<GrActor> actor,
    @Index UUID filmId,
    BelongsTo<GrFilm> film,
    String character,
    int billing,
    Optional<String> note) {}
