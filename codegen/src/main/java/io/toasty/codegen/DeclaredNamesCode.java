package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.toasty.annotations.Column;
import io.toasty.annotations.Table;
import io.toasty.schema.app.DeclaredNames;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;

/**
 * Which of a model's storage names its source declared ({@code @Table}, {@code @Column}) rather
 * than the processor derived, read from the record, and the {@code .withDeclared(..)} call that
 * puts them in the generated schema, so that a {@code Db}'s naming strategy renames only the
 * derived ones. Nothing is generated for a model whose names are all derived.
 *
 * <p>A column is declared when {@code @Column} is on any record component along its field's path
 * ({@code branchOffice.location.city}: on {@code branchOffice}, {@code location} or {@code city}).
 * Where the path does not lead through records (a sealed document's variants, a polymorphic
 * model's union of variants), a column counts as declared when it differs from the derived name.
 */
final class DeclaredNamesCode {
  private static final ClassName DECLARED_NAMES = ClassName.get(DeclaredNames.class);
  private static final ClassName SET = ClassName.get(Set.class);

  private DeclaredNamesCode() {}

  /** The names {@code type}'s source declared, of its data {@code fields}. */
  static DeclaredNames read(TypeElement type, List<FieldDescriptor> fields) {
    boolean table = type.getAnnotation(Table.class) != null;
    Set<Integer> columns = fields.stream().filter(f -> declared(type, f))
        .map(FieldDescriptor::index).collect(Collectors.toSet());
    return table || !columns.isEmpty() ? new DeclaredNames(table, columns) : DeclaredNames.NONE;
  }

  /** {@code .withDeclared(..)}, or nothing when {@code names} declare nothing. */
  static CodeBlock of(DeclaredNames names) {
    if (names.equals(DeclaredNames.NONE)) {
      return CodeBlock.of("");
    }
    return CodeBlock.of("\n.withDeclared(new $T($L, $T.of($L)))", DECLARED_NAMES, names.table(),
        SET, names.columns().stream().sorted().map(String::valueOf)
            .collect(Collectors.joining(", ")));
  }

  private static boolean declared(TypeElement type, FieldDescriptor f) {
    TypeElement at = type.getKind() == ElementKind.RECORD ? type : null;
    for (String part : f.name().split("\\.")) {
      Optional<RecordComponentElement> c = at == null ? Optional.empty()
          : at.getRecordComponents().stream().<RecordComponentElement>map(rc -> rc)
              .filter(rc -> rc.getSimpleName().contentEquals(part)).findFirst();
      if (c.isEmpty()) {
        return !f.column().equals(derivedColumn(f.name()));
      }
      if (c.get().getAnnotation(Column.class) != null) {
        return true;
      }
      at = record(c.get().asType());
    }
    return false;
  }

  /** The record a component of type {@code t} holds ({@code Optional<R>}: R), or null. */
  private static @Nullable TypeElement record(TypeMirror t) {
    if (!(t instanceof DeclaredType d)) {
      return null;
    }
    TypeElement e = (TypeElement) d.asElement();
    if (e.getQualifiedName().contentEquals("java.util.Optional")
        && d.getTypeArguments().size() == 1) {
      return record(d.getTypeArguments().get(0));
    }
    return e.getKind() == ElementKind.RECORD ? e : null;
  }

  /** The column the processor derives for a field at {@code path} ({@code home.zipCode}). */
  static String derivedColumn(String path) {
    return Arrays.stream(path.split("\\.")).map(Naming::snakeCase)
        .collect(Collectors.joining("_"));
  }
}
