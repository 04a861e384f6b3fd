package io.toasty.dynamo.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** A key of three fields: more than DynamoDB's partition and sort key. */
@Model
public record Triple(@Key String a, @Key String b, @Key String c) {}
