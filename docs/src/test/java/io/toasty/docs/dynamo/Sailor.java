package io.toasty.docs.dynamo;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Json;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A sailor of the DynamoDB guide's many-to-many example, on the crews of several boats. */
// snippet: dynamo-many-to-many-models
@Model
public record Sailor(
    @Key @Auto UUID id,
    String name,
    @Json Gear gear,                                       // stored as a DynamoDB map (M)
    HasMany<Crewing> crewings,
    @HasMany.Via("crewings.boat") HasMany<Boat> boats) {   // many-to-many, through Crewing

  /** What the sailor brings aboard: one document. */
  public record Gear(String size, boolean skipper) {}
}
// end-snippet
