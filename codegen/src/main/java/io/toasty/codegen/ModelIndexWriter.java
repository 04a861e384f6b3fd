package io.toasty.codegen;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Collects the classes of one kind written in one compilation and, after the last round, lists
 * them in a class-output resource, one fully qualified name a line, sorted: the entry classes in
 * {@value #RESOURCE}, the repositories in {@value #REPOSITORIES}. A framework (the Spring Boot
 * starter) reads every such resource on the class path: the module's models and repositories,
 * found without scanning the class path.
 */
final class ModelIndexWriter {
  /** Where the index of entry classes goes, relative to the class output. */
  static final String RESOURCE = "META-INF/toasty/models";
  /** Where the index of repositories goes. */
  static final String REPOSITORIES = "META-INF/toasty/repositories";

  private final String resource;
  private final Set<String> entries = new TreeSet<>();

  /** An index written to {@code resource}. */
  ModelIndexWriter(String resource) {
    this.resource = resource;
  }

  /** Records an entry class that was written. */
  void add(String qualifiedEntryName) {
    entries.add(qualifiedEntryName);
  }

  /** Writes the index once, if any model was generated; a failure is a warning, not an error. */
  void write(Filer filer, Messager messager) {
    if (entries.isEmpty()) {
      return;
    }
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", resource);
      try (Writer out = new OutputStreamWriter(file.openOutputStream(),
          StandardCharsets.UTF_8)) {
        for (String entry : entries) {
          out.write(entry);
          out.write('\n');
        }
      }
    } catch (IOException | RuntimeException e) {
      // an incremental build that compiles a subset may find the file already written
      messager.printMessage(Diagnostic.Kind.WARNING,
          "Toasty: cannot write " + resource + ": " + e.getMessage());
    }
    entries.clear();
  }
}
