package io.toasty.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The test models as an application would ship them: a jar of one version's classes with its
 * own {@code META-INF/toasty/models} index (the annotation processor's lines for that version),
 * or the same as a class-path directory.
 */
final class ModelJars {
  private static final String INDEX = "META-INF/toasty/models";

  private ModelJars() {}

  /** A jar of the models of {@code version} ({@code v1}, {@code v2}) in {@code dir}. */
  static Path jar(Path dir, String version) {
    Path jar = dir.resolve("app-" + version + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Path cls : classes(version)) {
        out.putNextEntry(new JarEntry(testClasses().relativize(cls).toString()
            .replace('\\', '/')));
        Files.copy(cls, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry(INDEX));
      write(out, index(version));
      out.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

  /** A class-path directory of the models of {@code version}. */
  static Path directory(Path dir, String version) {
    Path root = dir.resolve("classes-" + version);
    try {
      for (Path cls : classes(version)) {
        Path to = root.resolve(testClasses().relativize(cls).toString());
        Files.createDirectories(to.getParent());
        Files.copy(cls, to);
      }
      Files.createDirectories(root.resolve("META-INF/toasty"));
      Files.writeString(root.resolve(INDEX), index(version));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root;
  }

  /** The processor's index lines of {@code version}'s models. */
  private static String index(String version) throws IOException {
    List<String> lines = Files.readAllLines(testClasses().resolve(INDEX)).stream()
        .filter(l -> l.startsWith("io.toasty.cli.models." + version + ".")).toList();
    if (lines.isEmpty()) {
      throw new IllegalStateException("the processor's index lists no " + version + " model");
    }
    return String.join("\n", lines) + "\n";
  }

  private static List<Path> classes(String version) throws IOException {
    try (Stream<Path> files = Files.walk(testClasses().resolve("io/toasty/cli/models/"
        + version))) {
      return files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Path testClasses() {
    try {
      return Path.of(ModelJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
