package io.toasty.docs.dynamo;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** The last integer key handed out per sequence: the DynamoDB guide's counter-key pattern. */
// snippet: dynamo-counter-model
@Model
public record KeyCounter(
    @Key String name,           // one item per sequence: "booking"
    long last) {}               // the last number handed out
// end-snippet
