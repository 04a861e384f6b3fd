package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The processor lists a compilation's entry classes in META-INF/toasty/models. */
class ModelIndexTest {

  @Test
  void listsEveryEntryClassSortedOnceEach() {
    Compilation compilation = Sources.compile(
        Sources.source("com.example.Day", "@Model public record Day(@Key long id) {}"),
        Sources.source("com.example.Box", "@Model public record Box(@Key long id) {}"),
        Sources.source("com.example.Person",
            "@Model(entry = \"People\") public record Person(@Key long id) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "", ModelIndexWriter.RESOURCE)
        .contentsAsUtf8String()
        .isEqualTo("com.example.Boxes\ncom.example.Days\ncom.example.People\n");
  }

  @Test
  void noModelsNoIndex() {
    Compilation compilation = Sources.compile(
        Sources.source("com.example.Plain", "public record Plain(long id) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertFalse(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "",
        ModelIndexWriter.RESOURCE).isPresent());
  }
}
