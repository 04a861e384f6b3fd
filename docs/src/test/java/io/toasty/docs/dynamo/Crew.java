package io.toasty.docs.dynamo;

import io.toasty.HasMany;
import io.toasty.annotations.AtMost;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A dive crew of the DynamoDB guide's limits example: at most three divers. */
// snippet: dynamo-limit-model
@Model
public record Crew(
    @Key @Auto UUID id,
    String name,
    @AtMost(3) HasMany<Diver> divers) {}   // the crews item keeps "toasty.count.divers"
// end-snippet
