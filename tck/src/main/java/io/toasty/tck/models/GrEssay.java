package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.EdgeDirection;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Relationship;
import java.util.Optional;
import java.util.UUID;

/** Written by a writer: {@code (GrWriter)-[:WROTE]->(GrEssay)}, against the key. */
@Model
public record GrEssay(
    @Key @Auto UUID id,
    String title,
    @Index Optional<UUID> writerId,
    @Relationship(type = "WROTE", direction = EdgeDirection.INCOMING)
    BelongsTo<Optional<GrWriter>> writer) {}
