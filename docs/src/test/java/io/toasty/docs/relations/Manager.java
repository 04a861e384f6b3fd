package io.toasty.docs.relations;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** A band's manager in the cardinality example (exactly one band: a required key). */
@Model
public record Manager(
    @Key @Auto long id,
    String name,
    @Index long bandId,
    BelongsTo<Band> band) {}
