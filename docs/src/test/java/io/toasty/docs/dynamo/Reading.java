package io.toasty.docs.dynamo;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** The DynamoDB guide's bulk-write model: a generated key and no unique field. */
// snippet: dynamo-reading
@Model
public record Reading(@Key @Auto UUID id, String sensor, double celsius) {}
// end-snippet
