package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** An {@link Org}'s optional has-one, through an optional composite foreign key. */
@Model
public record Charter(
    @Key String id,
    @Index Optional<String> orgRegion,
    Optional<String> orgCode,
    @BelongsTo.Key(value = {"orgRegion", "orgCode"}, references = {"region", "code"})
    BelongsTo<Optional<Org>> org,
    String text) {}
