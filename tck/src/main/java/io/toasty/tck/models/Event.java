package io.toasty.tck.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** An event of a stream: a partition key (stream) and a sort key (seq), as DynamoDB keys them. */
@Model
public record Event(@Key String stream, @Key long seq, String kind, Optional<String> payload) {}
