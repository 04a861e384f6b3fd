package io.toasty.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.migrate.files.ClasspathMigrations;
import io.toasty.migrate.files.MigrationDirectory;
import io.toasty.migrate.files.MigrationFile;
import io.toasty.migrate.files.ScriptFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ClasspathMigrations} reads a backend's migrations from jars built here (with and without
 * directory entries) and from folders on the class path, with the checksums a folder on disk
 * gives.
 */
class ClasspathMigrationsTest {
  private static final String V1 = "-- Toasty migration V1: create members\n\n"
      + "-- step 1: create table members\nCREATE TABLE members (id TEXT PRIMARY KEY);\n";
  private static final String U1 = "-- undo of Toasty migration V1: create members\n\n"
      + "-- step 1: drop table members\nDROP TABLE members;\n";
  private static final String V2 = "-- Toasty migration V2: add nickname\n\n"
      + "-- step 1: add column members.nickname\nALTER TABLE members ADD COLUMN nickname TEXT;\n"
      + "\n-- step 2: create index members_nickname_idx\n"
      + "CREATE INDEX members_nickname_idx ON members (nickname);\n";
  private static final String U2 = "-- undo of Toasty migration V2: add nickname\n\n"
      + "-- step 1: drop index members_nickname_idx\nDROP INDEX members_nickname_idx;\n"
      + "\n-- step 2: drop column members.nickname\nALTER TABLE members DROP COLUMN nickname;\n";

  @TempDir
  Path tmp;

  private static Map<String, String> twoVersions(String folder) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("db/migration/" + folder + "/V1__create_members.sql", V1);
    files.put("db/migration/" + folder + "/U1__create_members.sql", U1);
    files.put("db/migration/" + folder + "/V2__add_nickname.sql", V2);
    files.put("db/migration/" + folder + "/U2__add_nickname.sql", U2);
    return files;
  }

  /** A jar of {@code files}, with a manifest, with or without directory entries. */
  private Path jar(String name, Map<String, String> files, boolean directories)
      throws IOException {
    Path jar = tmp.resolve(name);
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      Set<String> dirs = new TreeSet<>();
      for (String path : files.keySet()) {
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
          dirs.add(path.substring(0, i + 1));
        }
      }
      if (directories) {
        for (String dir : dirs) {
          out.putNextEntry(new JarEntry(dir));
          out.closeEntry();
        }
      }
      for (Map.Entry<String, String> f : files.entrySet()) {
        out.putNextEntry(new JarEntry(f.getKey()));
        out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  private Path folder(String name, Map<String, String> files) throws IOException {
    Path root = tmp.resolve(name);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = root.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
    }
    return root;
  }

  private static URLClassLoader loader(Path... entries) throws IOException {
    URL[] urls = new URL[entries.length];
    for (int i = 0; i < entries.length; i++) {
      urls[i] = entries[i].toUri().toURL();
    }
    return new URLClassLoader(urls, null); // no parent: only these entries
  }

  private static List<Integer> versions(List<MigrationFile> files) {
    return files.stream().map(MigrationFile::version).toList();
  }

  @Test
  void readsABackendsFolderFromAJar() throws IOException {
    Map<String, String> files = new LinkedHashMap<>(twoVersions("h2"));
    files.put("db/migration/postgresql/V1__create_members.sql", V1);
    files.put("db/migration/postgresql/U1__create_members.sql", U1);
    try (URLClassLoader loader = loader(jar("app.jar", files, true))) {
      ClasspathMigrations source = ClasspathMigrations.of("db/migration", loader);
      List<MigrationFile> h2 = source.migrations("h2", ScriptFormat.SQL);
      assertEquals(List.of(1, 2), versions(h2));
      assertEquals("add_nickname", h2.get(1).name());
      assertEquals(2, h2.get(1).up().size());
      assertEquals("create index members_nickname_idx", h2.get(1).up().get(1).description());
      assertEquals(2, h2.get(1).down().size());
      assertEquals(MigrationFile.checksum(V2), h2.get(1).checksum());
      assertEquals(List.of(1), versions(source.migrations("postgresql", ScriptFormat.SQL)));
      assertEquals(List.of(), source.migrations("mariadb", ScriptFormat.SQL));
      assertEquals("classpath:db/migration", source.location());
    }
  }

  @Test
  void findsAJarWrittenWithoutDirectoryEntries() throws IOException {
    try (URLClassLoader loader = loader(jar("flat.jar", twoVersions("h2"), false))) {
      assertEquals(null, loader.getResource("db/migration/h2"), "the premise: no folder entry");
      assertEquals(List.of(1, 2), versions(ClasspathMigrations.of("db/migration", loader)
          .migrations("h2", ScriptFormat.SQL)));
    }
  }

  @Test
  void aFolderAndAJarOnTheClassPathAreRead() throws IOException {
    Map<String, String> first = new LinkedHashMap<>(twoVersions("h2"));
    Map<String, String> second = new LinkedHashMap<>();
    second.put("db/migration/h2/V1__create_members.sql", V1); // the same file twice: read once
    second.put("db/migration/h2/U1__create_members.sql", U1);
    second.put("db/migration/h2/V3__later.sql", V1.replace("V1", "V3"));
    second.put("db/migration/h2/U3__later.sql", U1.replace("V1", "V3"));
    first.remove("db/migration/h2/V2__add_nickname.sql");
    first.remove("db/migration/h2/U2__add_nickname.sql");
    try (URLClassLoader loader = loader(jar("lib.jar", first, true), folder("classes", second))) {
      assertEquals(List.of(1, 3), versions(ClasspathMigrations.of("classpath:/db/migration/",
          loader).migrations("h2", ScriptFormat.SQL)));
    }
  }

  @Test
  void theSameFileWithAnotherTextIsAnError() throws IOException {
    Map<String, String> changed = new LinkedHashMap<>();
    changed.put("db/migration/h2/V1__create_members.sql", V1 + "\n-- edited\n");
    changed.put("db/migration/h2/U1__create_members.sql", U1);
    try (URLClassLoader loader = loader(jar("a.jar", twoVersions("h2"), true),
        jar("b.jar", changed, true))) {
      MigrationException e = assertThrows(MigrationException.class,
          () -> ClasspathMigrations.of("db/migration", loader).migrations("h2",
              ScriptFormat.SQL));
      assertTrue(e.getMessage().contains("V1__create_members.sql"), e.getMessage());
      assertTrue(e.getMessage().contains("a.jar") && e.getMessage().contains("b.jar"),
          e.getMessage());
    }
  }

  @Test
  void anUpFileWithoutItsUndoIsAnError() throws IOException {
    Map<String, String> files = twoVersions("h2");
    files.remove("db/migration/h2/U2__add_nickname.sql");
    try (URLClassLoader loader = loader(jar("app.jar", files, true))) {
      MigrationException e = assertThrows(MigrationException.class,
          () -> ClasspathMigrations.of("db/migration", loader).migrations("h2",
              ScriptFormat.SQL));
      assertTrue(e.getMessage().contains("U2__add_nickname.sql"), e.getMessage());
      assertTrue(e.getMessage().contains("app.jar!/db/migration/h2/V2__add_nickname.sql"),
          e.getMessage());
    }
  }

  @Test
  void checksumsAreThoseOfTheSameFolderOnDisk() throws IOException {
    Path root = folder("disk", twoVersions("h2"));
    List<MigrationFile> onDisk = new MigrationDirectory(root.resolve("db/migration"))
        .migrations("h2", ScriptFormat.SQL);
    try (URLClassLoader loader = loader(jar("app.jar", twoVersions("h2"), true))) {
      List<MigrationFile> inJar = ClasspathMigrations.of("db/migration", loader)
          .migrations("h2", ScriptFormat.SQL);
      assertEquals(onDisk, inJar);
    }
  }

  @Test
  void aLocationNamesAFolder() {
    assertThrows(IllegalArgumentException.class,
        () -> ClasspathMigrations.of("classpath:/", getClass().getClassLoader()));
  }
}
