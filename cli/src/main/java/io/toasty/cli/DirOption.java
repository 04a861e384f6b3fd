package io.toasty.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --dir}: the migration folder (a folder per backend, and {@code snapshot.json}). */
final class DirOption {
  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "db/migration",
      description = "The migration folder (default: ${DEFAULT-VALUE}).")
  Path dir;
}
