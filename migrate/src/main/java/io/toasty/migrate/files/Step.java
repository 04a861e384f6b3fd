package io.toasty.migrate.files;

import java.util.List;
import java.util.Objects;

/**
 * One change of a migration as a file holds it: a line for people and the statements (SQL text,
 * or one JSON request per statement on DynamoDB). Progress is recorded step by step.
 */
public record Step(String description, List<String> statements) {
  public Step {
    Objects.requireNonNull(description, "description");
    statements = List.copyOf(statements);
  }
}
