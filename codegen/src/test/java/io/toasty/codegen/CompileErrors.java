package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Asserts what the processor rejects in a {@code com.example.User} source. */
final class CompileErrors {
  private CompileErrors() {}

  /**
   * Compiling {@code lines} fails with exactly one error, containing {@code message}, on the
   * line containing {@code line}, and the processor writes nothing.
   */
  static void assertOneError(String message, String line, String... lines) {
    JavaFileObject source = Sources.user(lines);
    RecordingProcessor processor = new RecordingProcessor();
    Compilation compilation = Sources.compile(List.of(processor), source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
    assertEquals(List.of(), processor.written());
  }

  /**
   * Compiling a model {@code User} whose components are {@code components} fails with an error
   * containing {@code message} on the line containing {@code line}, and the processor writes
   * nothing.
   */
  static void assertUserError(String message, String line, String... components) {
    List<String> lines = new ArrayList<>(List.of("@Model", "public record User("));
    for (String c : components) {
      lines.add("    " + c);
    }
    JavaFileObject source = Sources.user(lines.toArray(String[]::new));
    RecordingProcessor processor = new RecordingProcessor();
    Compilation compilation = Sources.compile(List.of(processor), source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertEquals(List.of(), processor.written());
  }
}
