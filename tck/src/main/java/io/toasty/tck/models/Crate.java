package io.toasty.tck.models;

import io.toasty.annotations.Column;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A model with collection fields (collection family): a list of strings, a set of longs, a map
 * under a renamed column and an optional list of UUIDs.
 */
@Model
public record Crate(
    @Key UUID id,
    String name,
    List<String> tags,
    Set<Long> numbers,
    @Column("count_map") Map<String, Integer> counts,
    Optional<List<UUID>> refs) {}
