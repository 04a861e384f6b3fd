package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A team member: its key to the team is {@code (GrTeam)-[:HAS_MEMBER]->(GrMember)}. */
@Model
public record GrMember(@Key @Auto UUID id, String name, @Index UUID teamId,
    BelongsTo<GrTeam> team) {}
