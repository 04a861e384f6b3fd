package io.toasty.codegen.samples;

import io.toasty.annotations.Column;
import io.toasty.annotations.Json;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A model with JSON documents: a record, a generic map, an optional list under a column. */
@Model
public record Setup(
    @Key long id,
    @Json Theme theme,
    @Json Map<String, List<Integer>> shortcuts,
    @Json @Column("labels") Optional<List<String>> tags) {

  /** A document's record. */
  public record Theme(String name, int size) {}
}
