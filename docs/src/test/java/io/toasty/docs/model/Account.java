package io.toasty.docs.model;

import io.toasty.annotations.Json;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

// snippet: json-model
@Model
public record Account(
    @Key UUID id,
    String email,
    @Json Settings settings,                 // one document: {"theme":"dark","limits":{...}}
    @Json Optional<List<String>> tags) {     // ["beta","vip"], or NULL

  public record Settings(String theme, Map<String, Integer> limits) {}
}
// end-snippet
