package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A gig on a stage: the last eager level. */
@Model
public record Gig(
    @Key @Auto UUID id,
    @Index UUID stageId,
    BelongsTo<Stage> stage,
    String band,
    int slot) {}
