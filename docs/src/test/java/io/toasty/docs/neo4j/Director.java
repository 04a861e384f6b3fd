package io.toasty.docs.neo4j;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A director and the pictures directed: the has-many side of {@link Picture#director}. */
// snippet: neo4j-relation-models
@Model
public record Director(@Key @Auto UUID id, String name, HasMany<Picture> pictures) {}
// end-snippet
