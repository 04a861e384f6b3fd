package io.toasty.docs.relations;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** An engineer with an optional lead: a self relation without a join model. */
@Model
public record Engineer(@Key @Auto long id, String name, int years,
    @Index Optional<Long> leadId, BelongsTo<Optional<Engineer>> lead,
    @HasMany.Pair("lead") HasMany<Engineer> reports) {}
