package io.toasty.dynamo.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A ranked listing: the index on board has rank as its sort key (a GSI with a range key). */
@Model
public record Listing(@Key @Auto UUID id, @Index(sortBy = "rank") String board, long rank,
    String title) {}
