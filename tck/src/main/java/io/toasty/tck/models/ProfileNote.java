package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Index;
import io.toasty.annotations.Json;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Map;
import java.util.UUID;

/** A note on a {@link Profile}, with a document of its own (JSON family's include). */
@Model
public record ProfileNote(
    @Key UUID id,
    @Index UUID profileId,
    BelongsTo<Profile> profile,
    @Json Map<String, Object> meta) {}
