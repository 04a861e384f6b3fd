package io.toasty.codegen;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import org.jspecify.annotations.Nullable;

/** Reports compile errors at the element (and annotation) they concern, and counts them. */
final class ErrorReporter {
  private final Messager messager;
  private int errorCount;

  ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports an error at {@code element}. */
  void error(Element element, String message) {
    error(element, null, message);
  }

  /** Reports an error at {@code annotation} on {@code element} (which may be {@code null}). */
  void error(Element element, @Nullable AnnotationMirror annotation, String message) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, positioned(element), annotation);
  }

  /**
   * Reports a bug of the processor itself at the model it was processing, with its stack trace:
   * a bug must not hide the model's name behind a bare compiler crash.
   */
  void processorFailed(TypeElement type, RuntimeException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    error(type, type.getSimpleName() + ": the Toasty processor failed: " + trace);
  }

  /** The number of errors reported so far; a parser compares it before and after a type. */
  int errorCount() {
    return errorCount;
  }

  /**
   * The element whose position javac knows. javac 17 gives a record component no source position,
   * so a message there would have no line; the record's private field of the same name has it.
   */
  private static Element positioned(Element element) {
    if (!(element instanceof RecordComponentElement component)) {
      return element;
    }
    Element record = Objects.requireNonNull(component.getEnclosingElement(), "its record");
    return ElementFilter.fieldsIn(record.getEnclosedElements()).stream()
        .filter(f -> f.getKind() == ElementKind.FIELD
            && f.getSimpleName().contentEquals(component.getSimpleName()))
        .<Element>map(f -> f)
        .findFirst()
        .orElse(element);
  }
}
