package io.toasty.cli;

import io.toasty.ModelDef;
import io.toasty.ModelIndex;
import io.toasty.migrate.MigrationGenerator;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.naming.NamingStrategy;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where the application's models are: jars ({@code --models}) or class-path entries
 * ({@code --classpath}), read through the {@code META-INF/toasty/models} index the annotation
 * processor writes ({@link ModelIndex}), as the Spring starter reads it. Without either option,
 * the tool's own class path (for {@code java -cp toasty-cli.jar:app.jar io.toasty.cli.Main}).
 */
final class ModelOptions {
  @Option(names = "--models", paramLabel = "JAR", split = ",",
      description = "Jar(s) holding the compiled models (with their META-INF/toasty/models "
          + "index); repeat or separate with commas.")
  List<Path> jars = new ArrayList<>();

  @Option(names = {"--classpath", "--cp"}, paramLabel = "PATH",
      description = "Class path of the models and what they need (directories and jars, "
          + "separated by '${sys:path.separator}'; a directory/* entry adds its jars).")
  String classpath;

  @Option(names = "--naming", paramLabel = "STRATEGY",
      description = "How the database names the tables and columns the models did not name: "
          + "'declared' (snake case) or 'graph' (labels after the records, properties in camel "
          + "case); by default the backend's, graph on Neo4j and declared elsewhere; the same "
          + "as the application's Db.")
  @Nullable String naming;

  private @Nullable ClassLoader loader;

  /** Whether models were asked for on the command line. */
  boolean given() {
    return !jars.isEmpty() || classpath != null;
  }

  /** The class loader of the models: the tool's loader, with the given entries below it. */
  ClassLoader loader() {
    if (loader == null) {
      List<URL> urls = new ArrayList<>();
      jars.forEach(j -> urls.add(url(existing(j))));
      if (classpath != null) {
        for (String entry : classpath.split(File.pathSeparator)) {
          if (entry.endsWith("*")) {
            jarsIn(Path.of(entry.substring(0, entry.length() - 1))).forEach(j -> urls.add(url(j)));
          } else if (!entry.isBlank()) {
            urls.add(url(existing(Path.of(entry))));
          }
        }
      }
      loader = urls.isEmpty() ? Main.class.getClassLoader()
          : new URLClassLoader("toasty-models", urls.toArray(URL[]::new),
              Main.class.getClassLoader());
    }
    return loader;
  }

  /**
   * The models listed by the index.
   *
   * @throws ExitCodes.UsageException when none is listed
   */
  List<ModelDef<?>> models() {
    List<ModelDef<?>> models = ModelIndex.load(loader());
    if (models.isEmpty()) {
      throw new ExitCodes.UsageException("no models: no " + ModelIndex.RESOURCE + " index in "
          + (given() ? "the given --models/--classpath" : "the class path")
          + "; compile the models with the Toasty annotation processor and give the jar with "
          + "--models or the classes with --classpath");
    }
    return models;
  }

  /**
   * The models' schema with its names as derived: the migration generator names it per backend
   * ({@link #generator}).
   */
  Schema schema() {
    return Schema.of(models().stream().<ModelSchema>map(ModelDef::schema).toList());
  }

  /** {@code generator} naming every backend by {@code --naming}, or each as its Db does. */
  MigrationGenerator generator(MigrationGenerator generator) {
    NamingStrategy strategy = naming();
    return strategy == null ? generator : generator.naming(strategy);
  }

  /**
   * The naming strategy {@code --naming} names; null when not given (the backend's).
   *
   * @throws ExitCodes.UsageException for another name
   */
  @Nullable NamingStrategy naming() {
    if (naming == null) {
      return null;
    }
    return switch (naming) {
      case "declared" -> NamingStrategy.declared();
      case "graph" -> NamingStrategy.graph();
      default -> throw new ExitCodes.UsageException("--naming " + naming
          + ": not a naming strategy; use 'declared' or 'graph'");
    };
  }

  private static Path existing(Path p) {
    if (!Files.exists(p)) {
      throw new ExitCodes.UsageException("no such file: " + p);
    }
    return p;
  }

  private static List<Path> jarsIn(Path dir) {
    try (Stream<Path> files = Files.list(existing(dir))) {
      return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL url(Path p) {
    try {
      return p.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new ExitCodes.UsageException("not a path: " + p);
    }
  }
}
