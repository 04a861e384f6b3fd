package io.toasty.docs.model;

import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Json;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

// snippet: sealed-document-model
@Model
public record Ticket(
    @Key UUID id,
    String title,
    @Json Stage stage,               // one column: {"type":"blocked","reason":"..","by":[..]}
    @Json Optional<Stage> previous) {

  public sealed interface Stage permits Open, Blocked, Done {}

  public record Open() implements Stage {}                             // {"type":"Open"}

  @Discriminator("blocked")
  public record Blocked(String reason, List<String> by) implements Stage {}

  @Discriminator("done")
  public record Done(long minutesSpent) implements Stage {}
}
// end-snippet
