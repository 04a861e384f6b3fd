package io.toasty.cli;

import picocli.CommandLine.Option;

/** {@code --url}: the database, in any form {@code Toasty.builder().url(..)} accepts. */
final class DatabaseOptions {
  @Option(names = "--url", paramLabel = "URL",
      description = "The database: r2dbc:postgresql://user:password@host/db, "
          + "r2dbc:mariadb://.., r2dbc:h2:file:///path, r2dbc:sqlite:///path, "
          + "dynamodb:region?endpoint=..; default: the TOASTY_URL environment variable. "
          + "The password is never printed.")
  String url;

  /** The URL, from the option or the environment. */
  String url() {
    String u = url != null ? url : System.getenv("TOASTY_URL");
    if (u == null || u.isBlank()) {
      throw new ExitCodes.UsageException("no database: give --url URL or set TOASTY_URL");
    }
    return Urls.seen(u);
  }
}
