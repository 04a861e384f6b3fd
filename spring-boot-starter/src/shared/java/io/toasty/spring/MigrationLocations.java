package io.toasty.spring;

import io.toasty.migrate.MigrationException;
import io.toasty.migrate.files.ClasspathMigrations;
import io.toasty.migrate.files.MigrationDirectory;
import io.toasty.migrate.files.MigrationFile;
import io.toasty.migrate.files.MigrationSource;
import io.toasty.migrate.files.ScriptFormat;
import java.nio.file.Path;
import java.util.List;

/** {@code toasty.migrations.location} as the place a {@code Migrator} reads from. */
final class MigrationLocations {
  private MigrationLocations() {}

  /**
   * The migrations at {@code location}: {@code classpath:db/migration} on {@code loader}, or a
   * folder on disk ({@code file:/srv/migrations}, {@code filesystem:..} as Flyway writes it, or
   * a plain path). Finding no migration for the backend is an error: a start-up that expected
   * migrations and found none most likely has a wrong location, and would go on to serve
   * errors from tables that do not exist.
   */
  static MigrationSource of(String location, ClassLoader loader) {
    if (location == null || location.isBlank()) {
      throw new ToastyConfigurationException(ToastyConfigurationException.Problem.MIGRATION,
          "toasty.schema=migrate needs toasty.migrations.location, which is empty", null);
    }
    String trimmed = location.strip();
    MigrationSource source;
    if (trimmed.startsWith("classpath:")) {
      source = ClasspathMigrations.of(trimmed, loader);
    } else {
      String path = trimmed.startsWith("file:") ? trimmed.substring("file:".length())
          : trimmed.startsWith("filesystem:") ? trimmed.substring("filesystem:".length())
          : trimmed;
      source = new MigrationDirectory(Path.of(path));
    }
    return new Required(source);
  }

  /** {@code source}, refusing a backend folder without migrations. */
  private record Required(MigrationSource source) implements MigrationSource {
    @Override
    public List<MigrationFile> migrations(String folder, ScriptFormat format) {
      List<MigrationFile> files = source.migrations(folder, format);
      if (files.isEmpty()) {
        throw new MigrationException("no migrations in " + source.location() + "/" + folder
            + " (V<n>__<name>." + format.extension() + " files with their U<n>__<name> undo "
            + "files)", null);
      }
      return files;
    }

    @Override
    public String location() {
      return source.location();
    }
  }
}
