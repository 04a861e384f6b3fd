package io.toasty.codegen;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Sources to compile with the processor in memory, and the compiler that does it. */
final class Sources {
  /** The sample models, compiled by the build too (see the module's pom). */
  static final Path SAMPLES = Path.of("src/test/java/io/toasty/codegen/samples");

  private Sources() {}

  /** A sample model's source file, e.g. {@code sample("User")}. */
  static JavaFileObject sample(String simpleName) {
    try {
      return JavaFileObjects.forResource(SAMPLES.resolve(simpleName + ".java").toUri().toURL());
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code com.example.User}: the given lines after a package and imports of the annotations,
   * {@code java.util}, {@code java.math} and {@code java.time}.
   */
  static JavaFileObject user(String... lines) {
    return source("com.example.User", lines);
  }

  /** A source in package {@code com.example} with the imports of {@link #user}. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    List<String> all = new ArrayList<>(List.of(
        "package com.example;",
        "import io.toasty.annotations.*;",
        "import java.math.*;",
        "import java.time.*;",
        "import java.util.*;"));
    all.addAll(List.of(lines));
    return JavaFileObjects.forSourceLines(qualifiedName, all);
  }

  /** Compiles with these processors, all lint warnings on. */
  static Compilation compile(List<Processor> processors, JavaFileObject... files) {
    // "processing" would warn that the samples' generated classes are also on the class path.
    return javac().withProcessors(processors).withOptions("-Xlint:all,-processing")
        .compile(files);
  }

  /** Compiles with the model processor, all lint warnings on. */
  static Compilation compile(JavaFileObject... files) {
    return compile(List.of(new ModelProcessor()), files);
  }

  /** A generated source's text. */
  static String generated(Compilation compilation, String qualifiedName) {
    JavaFileObject file = compilation.generatedSourceFile(qualifiedName).orElseThrow(
        () -> new AssertionError("no generated source " + qualifiedName + " in "
            + compilation.generatedSourceFiles()));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
