package io.toasty.docs.relations;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** The eager-relation example of docs/relations.md: an album always comes with its tracks. */
// snippet: eager-album
@Model
public record Album(
    @Key @Auto long id,
    String title,
    @HasMany.Eager HasMany<Track> tracks) {}      // every query of Album loads its tracks
// end-snippet
