package io.toasty.tck.models;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Random collections of every item type written and read back (collection round trip). */
@Model
public record Bag(
    @Key long id,
    List<String> strings,
    Set<String> words,
    List<Short> shorts,
    List<Integer> ints,
    Set<Long> longs,
    List<Double> doubles,
    List<Boolean> flags,
    Set<UUID> uuids,
    Map<String, String> texts,
    Map<String, Long> amounts,
    Optional<Map<String, Double>> ratios,
    Optional<Set<Integer>> maybe) {}
