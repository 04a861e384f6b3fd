package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;

/**
 * A model with each thing schema push adds to an existing table (schema upgrade family): a unique
 * code, an indexed color, a byte rank (a range CHECK where the column holds more) and a
 * belongs-to guild (a foreign key). Not among TckModels#all().
 */
@Model
public record Crest(
    @Key long id,
    @Unique String code,
    byte rank,
    @Index String color,
    long guildId,
    BelongsTo<Guild> guild) {}
