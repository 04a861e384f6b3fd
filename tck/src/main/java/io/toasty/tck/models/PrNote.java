package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import java.util.UUID;

/**
 * A note on an activity of any variant (polymorphic relation family): a belongs-to to a
 * polymorphic model, deleted with its activity.
 */
@Model
@Table("polyrel_notes")
public record PrNote(@Key UUID id, @Index UUID activityId, BelongsTo<PrActivity> activity,
    String text) {}
