package io.toasty.docs.relations;

import io.toasty.HasMany;
import io.toasty.HasOne;
import io.toasty.annotations.AtMost;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** The cardinality example of docs/relations.md: limited relations, enforced on every write. */
// snippet: cardinality-band
@Model
public record Band(
    @Key @Auto long id,
    String name,
    @AtMost(4) HasMany<Musician> musicians,          // many, at most 4
    @AtMost(1) HasOne<Optional<Manager>> manager) {} // zero or one, enforced
// end-snippet
