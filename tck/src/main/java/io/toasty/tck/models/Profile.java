package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Column;
import io.toasty.annotations.Json;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A model with JSON documents (JSON family): a record, an optional list, a map under a renamed
 * column, and notes (with documents of their own) to include.
 */
@Model
public record Profile(
    @Key UUID id,
    String name,
    @Json Settings settings,
    @Json Optional<List<String>> tags,
    @Json @Column("score_map") Map<String, Integer> scores,
    HasMany<ProfileNote> notes) {

  /** The settings document: scalars, a nested list and a nested map. */
  public record Settings(String theme, int fontSize, boolean beta, List<String> shortcuts,
      Map<String, Long> limits) {}
}
