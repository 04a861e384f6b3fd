package io.toasty.docs.writes;

import io.toasty.annotations.Default;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import java.util.UUID;

/** The model of docs/writes.md: a visitor counted by email. */
// snippet: writes-model
@Model
public record Visitor(
    @Key UUID id,
    @Unique String email,
    String name,
    @Default("0") int visits) {}
// end-snippet
