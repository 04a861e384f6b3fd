package io.toasty.docs.pagination;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The model of docs/pagination.md: a post with a creation time and an optional topic. */
// snippet: page-model
@Model
public record Post(@Key @Auto UUID id,
    @Index(sortBy = "createdAt") String author,   // an author's posts, ordered by time
    String title, Optional<String> topic, Instant createdAt) {}
// end-snippet
