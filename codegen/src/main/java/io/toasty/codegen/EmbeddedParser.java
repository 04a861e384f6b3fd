package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Column;
import io.toasty.annotations.CreatedAt;
import io.toasty.annotations.Default;
import io.toasty.annotations.Embeddable;
import io.toasty.annotations.Embedded;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.OnUpdate;
import io.toasty.annotations.Sensitive;
import io.toasty.annotations.Unique;
import io.toasty.annotations.UpdatedAt;
import io.toasty.annotations.Version;
import java.lang.annotation.Annotation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;

/**
 * Reads an embedded record field ({@code @Embedded}, or of an {@code @Embeddable} record type)
 * into an {@link EmbeddedDescriptor} and its leaves, numbered from the next free field index.
 * Every error is reported at the model's component, naming the path from the model
 * ({@code User.address.tags}).
 */
final class EmbeddedParser {
  /** Annotations that mean nothing on an embedded field: it has no column of its own. */
  private static final List<Class<? extends Annotation>> NOT_ON_EMBEDDED = List.of(Auto.class,
      Default.class, Index.class, Unique.class, Version.class, CreatedAt.class, UpdatedAt.class,
      OnUpdate.class);
  /** Annotations that mean nothing on a field inside an embedded record. */
  private static final List<Class<? extends Annotation>> NOT_INSIDE = List.of(Key.class,
      Auto.class, Default.class, Index.class, Unique.class, Version.class, CreatedAt.class,
      UpdatedAt.class, OnUpdate.class, io.toasty.annotations.Json.class);

  private final TypeMapper types;
  private final ErrorReporter errors;
  @SuppressWarnings("NullAway.Init") // set by parse(..), before anything reads it
  private TypeElement model;
  @SuppressWarnings("NullAway.Init") // set by parse(..), before anything reads it
  private RecordComponentElement at;
  private int next;
  /** Whether the field being parsed is (part of) the primary key: its leaves are key fields. */
  private boolean key;
  private final List<FieldDescriptor> leaves = new ArrayList<>();
  private final Deque<TypeElement> enclosing = new ArrayDeque<>();

  EmbeddedParser(TypeMapper types, ErrorReporter errors) {
    this.types = types;
    this.errors = errors;
  }

  /** Whether component {@code c} is stored embedded. */
  static boolean isEmbedded(RecordComponentElement c) {
    if (c.getAnnotation(Embedded.class) != null) {
      return true;
    }
    TypeElement record = recordOf(c.asType());
    return record != null && record.getAnnotation(Embeddable.class) != null;
  }

  /**
   * The number of columns of data component {@code c}: 1, its embedded record's leaves, or its
   * sealed interface's discriminator and variants' fields.
   */
  static int width(RecordComponentElement c) {
    if (SealedParser.isSealedField(c) && c.getAnnotation(io.toasty.annotations.Json.class) == null) {
      return SealedParser.width(c);
    }
    return isEmbedded(c) ? width(recordOf(c.asType()), new ArrayDeque<>()) : 1;
  }

  private static int width(@Nullable TypeElement record, Deque<TypeElement> enclosing) {
    if (record == null || record.getKind() != ElementKind.RECORD || enclosing.contains(record)) {
      return 1;
    }
    enclosing.push(record);
    int width = 0;
    for (RecordComponentElement c : record.getRecordComponents()) {
      width += isEmbedded(c) ? width(recordOf(c.asType()), enclosing) : 1;
    }
    enclosing.pop();
    return Math.max(width, 1);
  }

  /**
   * The embedded field {@code c} of {@code model}, its leaves numbered from {@code firstIndex}
   * and added to {@code fields}; empty after reporting its errors.
   */
  Optional<EmbeddedDescriptor> parse(TypeElement model, RecordComponentElement c, int firstIndex,
      String constant, int position, List<FieldDescriptor> fields) {
    this.model = model;
    this.at = c;
    this.next = firstIndex;
    this.leaves.clear();
    this.enclosing.clear();
    enclosing.push(model);
    int before = errors.errorCount();
    String where = model.getSimpleName() + "." + c.getSimpleName();
    this.key = c.getAnnotation(Key.class) != null;
    for (Class<? extends Annotation> a : NOT_ON_EMBEDDED) {
      if (c.getAnnotation(a) != null) {
        errors.error(c, where + ": @" + a.getSimpleName() + " does not apply to an embedded"
            + " record field, which has a column per field of its record");
      }
    }
    Optional<EmbeddedDescriptor> out = embedded(c, c.getSimpleName().toString(), constant,
        columnName(c, null), null).map(e -> withComponent(e, position));
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    fields.addAll(leaves);
    return out;
  }

  private Optional<EmbeddedDescriptor> embedded(RecordComponentElement c, String path,
      String constant, String column, @Nullable String wholeOnly) {
    String where = model.getSimpleName() + "." + path;
    boolean optional = isOptional(c.asType());
    TypeElement record = recordOf(c.asType());
    if (key && optional) {
      errors.error(at, where + ": an Optional embedded record cannot be (part of) the key, which"
          + " is never absent");
      return Optional.empty();
    }
    if (record == null || record.getKind() != ElementKind.RECORD) {
      errors.error(at, where + ": an embedded field needs a record type (or an Optional of one),"
          + " not " + c.asType());
      return Optional.empty();
    }
    if (!record.getTypeParameters().isEmpty()) {
      errors.error(at, where + ": embedded record " + record.getSimpleName()
          + " cannot have type parameters");
      return Optional.empty();
    }
    if (enclosing.contains(record)) {
      errors.error(at, where + ": embedded record " + record.getSimpleName()
          + " contains itself (an embedded cycle)");
      return Optional.empty();
    }
    if (record.getRecordComponents().isEmpty()) {
      errors.error(at, where + ": embedded record " + record.getSimpleName() + " has no fields");
      return Optional.empty();
    }
    enclosing.push(record);
    List<DataMember> members = new ArrayList<>();
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    List<String> constants = Naming.constantNames(
        components.stream().map(rc -> rc.getSimpleName().toString()).toList());
    String inner = wholeOnly != null ? wholeOnly : optional ? path : null;
    for (int i = 0; i < components.size(); i++) {
      member(components.get(i), i, path, constants.get(i), column, inner)
          .ifPresent(members::add);
    }
    enclosing.pop();
    EmbeddedDescriptor e = new EmbeddedDescriptor(path, constant, ClassName.get(record), optional,
        wholeOnly != null, 0, members);
    if (optional && members.size() == components.size() && e.witness() == null) {
      errors.error(at, where + ": an Optional embedded record is absent exactly when all its"
          + " columns are NULL, so " + record.getSimpleName() + " needs a field that is not"
          + " Optional (through embedded fields that are not Optional)");
    }
    return Optional.of(e);
  }

  private Optional<? extends DataMember> member(RecordComponentElement rc, int position,
      String parent, String constant, @Nullable String columnPrefix, @Nullable String wholeOnly) {
    String path = parent + "." + rc.getSimpleName();
    String where = model.getSimpleName() + "." + path;
    if (RelationResolver.kindOf(rc.asType()).isPresent()) {
      errors.error(at, where + ": an embedded record cannot hold a relation");
      return Optional.empty();
    }
    if (isEmbedded(rc)) {
      return embedded(rc, path, constant, columnName(rc, columnPrefix), wholeOnly)
          .map(e -> withComponent(e, position));
    }
    for (Class<? extends Annotation> a : NOT_INSIDE) {
      if (rc.getAnnotation(a) != null) {
        errors.error(at, where + ": @" + a.getSimpleName()
            + " does not apply to a field inside an embedded record");
      }
    }
    Optional<FieldType> type = types.map(rc.asType());
    if (type.isEmpty()) {
      errors.error(at, where + ": unsupported field type " + rc.asType() + "; use "
          + TypeMapper.SUPPORTED + hint(rc.asType()));
      return Optional.empty();
    }
    if (key && !keyable(where, type.get())) {
      return Optional.empty();
    }
    if (type.get().deferred()) {
      errors.error(at, where + ": a field inside an embedded record cannot be Deferred; make "
          + "the model's field Deferred instead");
      return Optional.empty();
    }
    FieldDescriptor leaf = new FieldDescriptor(next++, path, constant,
        columnName(rc, columnPrefix), type.get(), key, null, null, position, null, wholeOnly,
        type.get().sensitive()
            || rc.getAnnotation(Sensitive.class) != null);
    leaves.add(leaf);
    return Optional.of(leaf);
  }

  /** Whether a leaf of type {@code type} can be part of a key, after reporting why not. */
  private boolean keyable(String where, FieldType type) {
    String problem = type.optional() ? "is Optional, and a key's part is never absent"
        : type.sensitive() ? "is a Secret, which is no key" : null;
    if (problem != null) {
      errors.error(at, where + ": a field of an embedded key record " + problem);
    }
    return problem == null;
  }

  private static EmbeddedDescriptor withComponent(EmbeddedDescriptor e, int position) {
    return new EmbeddedDescriptor(e.name(), e.constant(), e.type(), e.optional(), e.inOptional(),
        position, e.members());
  }

  /** {@code prefix_part}, the part being the {@code @Column} name or the snake-cased name. */
  private String columnName(RecordComponentElement c, @Nullable String prefix) {
    Column column = c.getAnnotation(Column.class);
    String part = Naming.snakeCase(c.getSimpleName().toString());
    if (column != null) {
      if (column.value().isBlank()) {
        errors.error(at, model.getSimpleName() + "." + c.getSimpleName()
            + ": @Column needs a name");
      }
      part = column.value();
    }
    return prefix == null ? part : prefix + "_" + part;
  }

  /** For a record type that is not embedded: how to embed it; else nothing. */
  static String hint(TypeMirror type) {
    TypeElement record = recordOf(type);
    return record != null && record.getKind() == ElementKind.RECORD
        ? "; to store a record in columns, annotate the field @Embedded or the record"
            + " @Embeddable" : "";
  }

  static boolean isOptional(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && ((TypeElement) ((DeclaredType) type).asElement())
        .getQualifiedName().contentEquals("java.util.Optional");
  }

  /** The declared type's element, through an {@code Optional}; null for any other type. */
  static @Nullable TypeElement recordOf(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    if (isOptional(type)) {
      List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
      return args.size() == 1 ? recordOf(args.get(0)) : null;
    }
    return (TypeElement) ((DeclaredType) type).asElement();
  }
}
