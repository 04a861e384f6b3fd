package io.toasty.docs.model;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

// snippet: collection-model
@Model
public record Post(
    @Key UUID id,
    String title,
    List<String> tags,                  // in order, duplicates kept
    Set<Long> readers,                  // distinct; order not kept
    Map<String, Integer> votes,         // String keys
    Optional<List<UUID>> related) {}    // NULL when absent, apart from empty
// end-snippet
