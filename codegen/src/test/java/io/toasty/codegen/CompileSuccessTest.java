package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sample models compile, without warnings, into the four classes of each model. */
class CompileSuccessTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "User, Users, User",
      "AllTypes, AllTypesModels, AllTypes",
      "Setting, Settings, Setting",
      "Membership, Memberships, Membership",
      "Document, Documents, Document",
      "Token, Tokens, Token",
      "Person, People, Person",
      "OrderItem, OrderItems, OrderItem",
      "Clash, Clashes, Clash",
      "Library, Books, Book",
      "Company, Companies, Company"})
  void sampleCompilesIntoFiveClasses(String sample, String entry, String model) {
    Compilation compilation = Sources.compile(Sources.sample(sample), Sources.sample("Status"));
    assertThat(compilation).succeededWithoutWarnings();
    String pkg = "io.toasty.codegen.samples.";
    for (String generated : List.of(entry, model + "Query", model + "Create",
        model + "Update", model + "Upsert")) {
      assertThat(compilation).generatedSourceFile(pkg + generated)
          .contentsAsUtf8String().contains("@Generated(\"io.toasty.codegen.ModelProcessor\")");
    }
    // and the stages of createChecked() where the model has a required field
    long stages = compilation.generatedSourceFiles().stream()
        .filter(f -> f.getName().endsWith(model + "CreateStages.java")).count();
    assertEquals(5 + stages, compilation.generatedSourceFiles().size());
  }

  @Test
  void generatedCodeUsesNoReflection() {
    Compilation compilation = Sources.compile(Sources.sample("AllTypes"),
        Sources.sample("Status"));
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String text = text(file);
      for (String reflective : List.of("java.lang.reflect", "forName", "getDeclared",
          "getMethod", "getRecordComponents", "newInstance")) {
        assertFalse(text.contains(reflective), file.getName() + " uses " + reflective);
      }
    }
  }

  @Test
  void pluralRulesNameTheEntryClass() {
    Compilation compilation = Sources.compile(
        Sources.source("com.example.Category",
            "@Model public record Category(@Key long id) {}"),
        Sources.source("com.example.Box", "@Model public record Box(@Key long id) {}"),
        Sources.source("com.example.Match", "@Model public record Match(@Key long id) {}"),
        Sources.source("com.example.Day", "@Model public record Day(@Key long id) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    for (String entry : List.of("Categories", "Boxes", "Matches", "Days")) {
      assertTrue(compilation.generatedSourceFile("com.example." + entry).isPresent(), entry);
    }
    assertThat(compilation).generatedSourceFile("com.example.Categories")
        .contentsAsUtf8String().contains("\"categories\"");
  }

  @Test
  void aModelWhoseFieldTypeAnotherProcessorGeneratesWaitsForIt() {
    Compilation compilation = Sources.compile(List.of(new ColorGenerator(), new ModelProcessor()),
        Sources.source("com.example.Paint",
            "@Model public record Paint(@Key long id, Color color) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.Paints").contentsAsUtf8String()
        .contains("new Type.Enum(\"com.example.Color\", List.of(\"RED\", \"GREEN\"))");
  }

  @Test
  void aGoodModelIsGeneratedBesideABadOne() {
    RecordingProcessor processor = new RecordingProcessor();
    Compilation compilation = Sources.compile(List.of(processor),
        Sources.source("com.example.Good", "@Model public record Good(@Key long id) {}"),
        Sources.source("com.example.Bad", "@Model public record Bad(long id) {}"));
    assertThat(compilation).hadErrorCount(1);
    assertEquals(List.of("com.example.Goods", "com.example.GoodQuery", "com.example.GoodCreate",
        "com.example.GoodCreateStages", "com.example.GoodUpdate", "com.example.GoodUpsert", "META-INF/toasty/models"),
        processor.written());
  }

  private static String text(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the enum {@code com.example.Color} in the first round, as a processor might. */
  private static final class ColorGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      try (Writer w = processingEnv.getFiler().createSourceFile("com.example.Color").openWriter()) {
        w.write("package com.example;\npublic enum Color { RED, GREEN }\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }
}
