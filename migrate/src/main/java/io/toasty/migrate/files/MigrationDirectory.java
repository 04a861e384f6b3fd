package io.toasty.migrate.files;

import io.toasty.migrate.MigrationException;
import io.toasty.migrate.snapshot.SchemaSnapshot;
import io.toasty.migrate.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of migrations: {@code snapshot.json} (the models' schema at the last migration) and a
 * folder per backend ({@code postgresql/}, {@code mariadb/}, {@code h2/}, {@code sqlite/},
 * {@code dynamodb/}) of {@code V<n>__<name>} files with their undo files {@code U<n>__<name>},
 * named as Flyway names them. A backend that names tables and columns otherwise than the models
 * derive them (Neo4j) has its own {@code snapshot.json} in its folder.
 */
public final class MigrationDirectory implements MigrationSource {
  /** The snapshot's file name. */
  public static final String SNAPSHOT = "snapshot.json";
  private static final Pattern FILE = MigrationSet.FILE;

  private final Path root;

  public MigrationDirectory(Path root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /** The folder. */
  public Path root() {
    return root;
  }

  /** The snapshot of the last migration, or {@link SchemaSnapshot#EMPTY} before the first. */
  public SchemaSnapshot snapshot() {
    Path file = root.resolve(SNAPSHOT);
    return Files.exists(file) ? SnapshotJson.read(read(file), file.toString())
        : SchemaSnapshot.EMPTY;
  }

  /**
   * The snapshot of the last migration as {@code folder}'s backend names the models' tables and
   * columns, where that is not as derived (Neo4j's labels and properties: see
   * {@code StepRenderer.naming}); {@link SchemaSnapshot#EMPTY} before the first.
   */
  public SchemaSnapshot snapshot(String folder) {
    Path file = root.resolve(folder).resolve(SNAPSHOT);
    return Files.exists(file) ? SnapshotJson.read(read(file), file.toString())
        : SchemaSnapshot.EMPTY;
  }

  /** One more than the highest version in any backend's folder (1 when there is none). */
  public int nextVersion() {
    int max = 0;
    if (Files.isDirectory(root)) {
      try (Stream<Path> folders = Files.list(root)) {
        for (Path folder : folders.filter(Files::isDirectory).toList()) {
          for (Path file : list(folder)) {
            Matcher m = FILE.matcher(file.getFileName().toString());
            if (m.matches()) {
              max = Math.max(max, Integer.parseInt(m.group(2)));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return max + 1;
  }

  /** Writes one backend's up and undo files of a migration. */
  public void write(String folder, ScriptFormat format, int version, String name, String header,
      List<Step> up, List<Step> down) {
    Path dir = root.resolve(folder);
    String base = version + "__" + name + "." + format.extension();
    writeFile(dir.resolve("V" + base), format.write(header, up));
    writeFile(dir.resolve("U" + base), format.write("undo of " + header, down));
  }

  /** Writes {@code snapshot} as the last migration's. */
  public void writeSnapshot(SchemaSnapshot snapshot) {
    writeFile(root.resolve(SNAPSHOT), SnapshotJson.write(snapshot));
  }

  /** Writes {@code snapshot} as the last migration's, as {@code folder}'s backend names it. */
  public void writeSnapshot(String folder, SchemaSnapshot snapshot) {
    writeFile(root.resolve(folder).resolve(SNAPSHOT), SnapshotJson.write(snapshot));
  }

  /** One backend's migrations, by version; an undo file is required beside every up file. */
  @Override
  public List<MigrationFile> migrations(String folder, ScriptFormat format) {
    Path dir = root.resolve(folder);
    List<String> names = list(dir).stream().map(f -> f.getFileName().toString()).toList();
    return MigrationSet.of(names, format, name -> read(dir.resolve(name)),
        name -> dir.resolve(name).toString(), dir.toString());
  }

  /** The folder's path. */
  @Override
  public String location() {
    return root.toString();
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MigrationException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void writeFile(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MigrationException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
