package io.toasty.codegen;

import java.io.IOException;
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
 * Collects the entry classes written in one compilation and, after the last round, lists them in
 * the class-output resource {@value #RESOURCE}, one fully qualified name a line, sorted. A
 * framework (the Spring Boot starter) reads every such resource on the class path and takes each
 * entry class's {@code MODEL}: the module's models, found without scanning the class path.
 */
final class ModelIndexWriter {
  /** Where the index goes, relative to the class output. */
  static final String RESOURCE = "META-INF/toasty/models";

  private final Set<String> entries = new TreeSet<>();

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
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE);
      try (Writer out = new java.io.OutputStreamWriter(file.openOutputStream(),
          StandardCharsets.UTF_8)) {
        for (String entry : entries) {
          out.write(entry);
          out.write('\n');
        }
      }
    } catch (IOException | RuntimeException e) {
      // an incremental build that compiles a subset may find the file already written
      messager.printMessage(Diagnostic.Kind.WARNING,
          "Toasty: cannot write " + RESOURCE + ": " + e.getMessage());
    }
    entries.clear();
  }
}
