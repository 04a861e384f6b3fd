package io.toasty.migrate.live;

import org.jspecify.annotations.Nullable;

/**
 * A column as the database describes it: its type in the database's own words, and its default
 * as the catalog writes it ({@code 0}, {@code 'draft'::text}, {@code TRUE}), or {@code null}
 * when it has none or the catalog does not show defaults (DynamoDB).
 */
public record LiveColumn(String name, String type, boolean nullable,
    @Nullable String defaultValue) {

  /** A column without a default. */
  public LiveColumn(String name, String type, boolean nullable) {
    this(name, type, nullable, null);
  }
}
