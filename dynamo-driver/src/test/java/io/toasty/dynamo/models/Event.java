package io.toasty.dynamo.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** A partition key (stream) and a sort key (seq). */
@Model
public record Event(@Key String stream, @Key long seq, String kind, Optional<String> note) {}
