package io.toasty.docs.dynamo;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.util.Optional;
import java.util.UUID;

/** The DynamoDB guide's model (docs/dynamodb.md). */
// snippet: dynamo-model
@Model
public record Task(
    @Key String owner,          // partition key: one owner's tasks are stored together
    @Key @Auto UUID id,         // sort key: a time-ordered UUID (v7), so tasks sort by creation
    String title,
    @Index String status,       // a global secondary index
    @Unique String slug,        // unique across all owners, even under concurrent creates
    Optional<String> note) {}   // empty: the attribute is not stored
// end-snippet
