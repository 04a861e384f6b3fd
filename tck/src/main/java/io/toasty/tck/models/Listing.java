package io.toasty.tck.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * A listing on a board, ranked: the index on {@code board} is ordered by {@code rank} (on
 * DynamoDB a global secondary index with {@code rank} as its sort key), so a board's listings
 * are read in rank order from the index.
 */
@Model
public record Listing(@Key @Auto UUID id, @Index(sortBy = "rank") String board, long rank,
    String title, Optional<String> tag) {}
