package io.toasty.migrate.files;

import io.toasty.migrate.MigrationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Migrations read from the class path: {@code <location>/<backend>/V<n>__<name>} and their undo
 * files, in folders or inside jars (a plain jar, or a Spring Boot executable jar's nested one),
 * as the build packaged {@code src/main/resources/<location>}:
 *
 * <pre>{@code
 * Migrator.of(db, ClasspathMigrations.of("db/migration")).apply()
 * }</pre>
 *
 * <p>Every class path entry holding the backend's folder contributes its files: a migration may
 * live in a library jar and the next in the application. A file of the same name found twice is
 * read once if both copies are the same text (the same jar twice on the class path), and is an
 * error otherwise, as are two files of one version. A file's checksum is that of its text, as
 * for a folder on disk: an application can move its migrations from a folder into its jar
 * without the history seeing a change.
 *
 * <p>The folder is found as a class path resource. A jar written without directory entries has
 * no such resource; then the jars on the class path (those with a manifest) are searched for
 * entries under it.
 */
public final class ClasspathMigrations implements MigrationSource {
  private static final String MANIFEST = "META-INF/MANIFEST.MF";

  private final String location;
  private final ClassLoader loader;

  private ClasspathMigrations(String location, ClassLoader loader) {
    this.location = location;
    this.loader = loader;
  }

  /**
   * The migrations under {@code location} ({@code db/migration}; a leading {@code classpath:}
   * or {@code /} is dropped) on the thread's context class loader, else this class's.
   */
  public static ClasspathMigrations of(String location) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return of(location, context != null ? context : ClasspathMigrations.class.getClassLoader());
  }

  /** The migrations under {@code location} on {@code loader}'s class path. */
  public static ClasspathMigrations of(String location, ClassLoader loader) {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(loader, "loader");
    String path = location.startsWith("classpath:") ? location.substring("classpath:".length())
        : location;
    path = path.replaceAll("^/+", "").replaceAll("/+$", "");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("a class path location names a folder, such as "
          + "classpath:db/migration, not " + location);
    }
    return new ClasspathMigrations(path, loader);
  }

  /** {@code classpath:} and the folder. */
  @Override
  public String location() {
    return "classpath:" + location;
  }

  /**
   * The backend folder's migrations from every class path entry that holds it; none when no
   * entry does.
   */
  @Override
  public List<MigrationFile> migrations(String folder, ScriptFormat format) {
    String dir = folder.isEmpty() ? location : location + "/" + folder;
    List<List<Found>> entries = new ArrayList<>();
    for (URL root : resources(dir)) {
      entries.add(list(root));
    }
    if (entries.isEmpty()) {
      entries = jarsHolding(dir);
    }
    Map<String, Found> files = new LinkedHashMap<>();
    for (List<Found> entry : entries) {
      for (Found f : entry) {
        Found known = files.putIfAbsent(f.name, f);
        if (known != null && !known.text.equals(f.text)) {
          throw new MigrationException("two class path entries hold " + dir + "/" + f.name
              + " with different texts: " + known.where + " and " + f.where, null);
        }
      }
    }
    List<String> names = new ArrayList<>(files.keySet());
    Collections.sort(names);
    // every name is a key of files, listed just above
    Function<String, Found> found = name -> Objects.requireNonNull(files.get(name), name);
    return MigrationSet.of(names, format, name -> found.apply(name).text,
        name -> found.apply(name).where, "classpath:" + dir);
  }

  /** A file found on the class path: its name in the folder, its text, and where it is. */
  private record Found(String name, String text, String where) {}

  private List<URL> resources(String dir) {
    try {
      return Collections.list(loader.getResources(dir));
    } catch (IOException e) {
      throw new MigrationException("cannot look up classpath:" + dir + ": " + e.getMessage(), e);
    }
  }

  /** The files of jars that hold entries under {@code dir} but no entry for it. */
  private List<List<Found>> jarsHolding(String dir) {
    List<List<Found>> out = new ArrayList<>();
    for (URL manifest : resources(MANIFEST)) {
      String spec = manifest.toString();
      if (!spec.startsWith("jar:") || !spec.endsWith("!/" + MANIFEST)) {
        continue;
      }
      String jarRoot = spec.substring(0, spec.length() - MANIFEST.length());
      try {
        // the jar's root: a URL of a missing entry would not open
        URL root = new URL(jarRoot);
        if (root.openConnection() instanceof JarURLConnection jar) {
          List<Found> files = listJar(jar, dir, jarRoot + dir);
          if (!files.isEmpty()) {
            out.add(files);
          }
        }
      } catch (IOException e) {
        throw new MigrationException("cannot read " + jarRoot + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The files directly in the folder {@code root} (a file: or jar: URL) names. */
  private static List<Found> list(URL root) {
    try {
      if ("file".equals(root.getProtocol())) {
        return listFolder(Path.of(root.toURI()));
      }
      URLConnection connection = root.openConnection();
      if (connection instanceof JarURLConnection jar) {
        // the folder's name inside the jar the connection opens (in a Spring Boot executable
        // jar, relative to BOOT-INF/classes/ or to the nested library jar)
        String entry = jar.getEntryName() == null ? "" : jar.getEntryName();
        return listJar(jar, entry, root.toString());
      }
    } catch (IOException | URISyntaxException e) {
      throw new MigrationException("cannot read the migrations at " + root + ": "
          + e.getMessage(), e);
    }
    throw new MigrationException("cannot list the migrations at " + root + ": only folders "
        + "and jars on the class path can be listed; use a folder on disk instead", null);
  }

  private static List<Found> listFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Found> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.add(new Found(file.getFileName().toString(),
            Files.readString(file, StandardCharsets.UTF_8), file.toString()));
      }
    }
    return out;
  }

  /**
   * The files directly under {@code folder} in the jar {@code connection} opens.
   *
   * @param where the folder's URL, to name the files in messages
   */
  private static List<Found> listJar(JarURLConnection connection, String folder, String where)
      throws IOException {
    // not cached: a jar replaced on disk is read afresh, and the JarFile is ours to close
    connection.setUseCaches(false);
    String trimmed = folder.replaceAll("/+$", "");
    String prefix = trimmed.isEmpty() ? "" : trimmed + "/";
    String base = where.replaceAll("/+$", "") + "/";
    List<Found> out = new ArrayList<>();
    try (JarFile jar = connection.getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (entry.isDirectory() || !name.startsWith(prefix)
            || name.indexOf('/', prefix.length()) >= 0) {
          continue;
        }
        String file = name.substring(prefix.length());
        try (InputStream in = jar.getInputStream(entry)) {
          out.add(new Found(file, new String(in.readAllBytes(), StandardCharsets.UTF_8),
              base + file));
        }
      }
    }
    return out;
  }
}
