package io.toasty.docs.relations;

import io.toasty.BelongsTo;
import io.toasty.HasOne;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

// snippet: required-has-one-models
@Model
public record Ship(
    @Key @Auto long id,
    String name,
    HasOne<Captain> captain) {}        // required: exactly one, always

@Model
record Captain(
    @Key @Auto long id,
    @Index Optional<Long> shipId,      // optional key: a captain may be ashore
    BelongsTo<Optional<Ship>> ship,
    String name) {}
// end-snippet
