package io.toasty.docs.relations;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** A band member of the cardinality example (zero or one band: an optional key). */
@Model
public record Musician(
    @Key @Auto long id,
    String name,
    @Index Optional<Long> bandId,
    BelongsTo<Optional<Band>> band) {}
