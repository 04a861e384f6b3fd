package io.toasty.test;

import io.toasty.ModelDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * SQLite through the sqlite-bridge, in a file of its own in the temporary directory rather than
 * in memory: a file database behaves as the application's will (WAL journal, readers beside a
 * writer), and the pool's connections all see it. Dropping deletes the file and its journals.
 */
final class SqliteDatabases {
  private static final List<String> SUFFIXES = List.of("", "-wal", "-shm", "-journal");

  private SqliteDatabases() {}

  static TestDatabase open(String name, ModelDef<?>[] models) {
    Path file = Path.of(System.getProperty("java.io.tmpdir"), name + ".db").toAbsolutePath();
    return TestDatabase.at(name, "r2dbc:sqlite:///" + file, models, () -> delete(file));
  }

  private static void delete(Path file) {
    for (String suffix : SUFFIXES) {
      try {
        Files.deleteIfExists(Path.of(file + suffix));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
