package io.toasty.docs.relations;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.CreatedAt;
import io.toasty.annotations.Default;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.time.Instant;

/** An album's track: a default and a creation time, for the nested-create example. */
// snippet: eager-track
@Model
public record Track(
    @Key @Auto long id,
    @Index long albumId,
    BelongsTo<Album> album,                       // lazy: an eager one would be a cycle
    String name,
    @Default("180") int seconds,
    @CreatedAt Instant addedAt) {}
// end-snippet
