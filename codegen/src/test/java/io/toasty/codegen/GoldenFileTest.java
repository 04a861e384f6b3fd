package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The classes generated for the model of docs/design/codegen.md, against golden files. */
class GoldenFileTest {
  private static Compilation compilation;

  @BeforeAll
  static void compileUser() {
    compilation = Sources.compile(Sources.sample("User"), Sources.sample("Status"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Users", "UserQuery", "UserCreate", "UserUpdate"})
  void generatedSourceMatchesGoldenFile(String simpleName) {
    GoldenFiles.assertMatches(simpleName + ".java.txt",
        Sources.generated(compilation, "io.toasty.codegen.samples." + simpleName));
  }

  @Test
  void diffShowsChangedLinesWithContext() {
    String diff = GoldenFiles.diff(List.of("a", "b", "c", "d", "e", "f", "g"),
        List.of("a", "b", "c", "D", "e", "f", "g", "h"));
    assertEquals("@@ golden line 2, generated line 2 @@\n"
        + "  b\n  c\n- d\n+ D\n  e\n  f\n  g\n+ h\n", diff);
  }
}
