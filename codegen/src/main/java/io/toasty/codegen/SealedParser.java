package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import io.toasty.SealedJsonPath;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Column;
import io.toasty.annotations.CreatedAt;
import io.toasty.annotations.Default;
import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Embedded;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.OnUpdate;
import io.toasty.annotations.Sensitive;
import io.toasty.annotations.Unique;
import io.toasty.annotations.UpdatedAt;
import io.toasty.annotations.Version;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;

/**
 * Reads a model field whose type is a sealed interface of records ({@code Status}, or an
 * {@code Optional} of it) into a {@link SealedDescriptor}: a discriminator field, then each
 * variant's fields, numbered from the next free field index. Every error is reported at the
 * model's component, naming the model and the field.
 */
final class SealedParser {
  /** Annotations that mean nothing on a sealed field: it is no key, index or generated value. */
  private static final List<Class<? extends Annotation>> NOT_ON_SEALED = List.of(Key.class,
      Auto.class, Default.class, Index.class, Unique.class, Version.class, CreatedAt.class,
      UpdatedAt.class, OnUpdate.class, Embedded.class);
  /** Annotations that mean nothing on a variant's field. */
  private static final List<Class<? extends Annotation>> NOT_IN_VARIANT = List.of(Key.class,
      Auto.class, Default.class, Index.class, Unique.class, Version.class, CreatedAt.class,
      UpdatedAt.class, OnUpdate.class, Embedded.class, io.toasty.annotations.Json.class,
      Sensitive.class);

  private final TypeMapper types;
  private final ErrorReporter errors;
  @SuppressWarnings("NullAway.Init") // set by parse(..) and document(..), before any use
  private TypeElement model;
  @SuppressWarnings("NullAway.Init") // set by parse(..) and document(..), before any use
  private RecordComponentElement at;

  SealedParser(TypeMapper types, ErrorReporter errors) {
    this.types = types;
    this.errors = errors;
  }

  /**
   * Whether component {@code c} is meant as a sealed-interface field: its type (through an
   * {@code Optional}) is an interface of the application's own, sealed or not (a plain one is
   * reported as such rather than as an unsupported type).
   */
  static boolean isSealedField(RecordComponentElement c) {
    TypeElement type = elementOf(c.asType());
    if (type == null || type.getKind() != ElementKind.INTERFACE) {
      return false;
    }
    Element owner = type;
    while (!(owner instanceof PackageElement)) {
      owner = Objects.requireNonNull(owner.getEnclosingElement(), "a type is in a package");
    }
    String name = ((PackageElement) owner).getQualifiedName().toString();
    // The JDK's interfaces and this library's own types (relations, Sensitive) are never variants.
    return !name.startsWith("java.") && !name.startsWith("javax.") && !name.equals("io.toasty");
  }

  /** The number of columns of sealed field {@code c}: its discriminator and variants' fields. */
  static int width(RecordComponentElement c) {
    int width = 1;
    for (TypeElement v : variants(sealedOf(c))) {
      if (v.getKind() == ElementKind.RECORD) {
        width += v.getRecordComponents().size();
      }
    }
    return width;
  }

  /**
   * The sealed field {@code c} of {@code model}, its columns numbered from {@code firstIndex} and
   * added to {@code fields}; empty after reporting its errors.
   */
  Optional<SealedDescriptor> parse(TypeElement model, RecordComponentElement c, int firstIndex,
      String constant, int position, List<FieldDescriptor> fields) {
    this.model = model;
    this.at = c;
    int before = errors.errorCount();
    String name = c.getSimpleName().toString();
    String where = model.getSimpleName() + "." + name;
    for (Class<? extends Annotation> a : NOT_ON_SEALED) {
      if (c.getAnnotation(a) != null) {
        errors.error(c, where + ": @" + a.getSimpleName() + " does not apply to a sealed-interface"
            + " field, which is stored as a discriminator and its variants' columns");
      }
    }
    TypeElement sealed = sealedOf(c);
    if (!sealed.getModifiers().contains(Modifier.SEALED)) {
      errors.error(c, where + ": interface " + sealed.getSimpleName() + " is not sealed; to store"
          + " it, declare it `sealed interface " + sealed.getSimpleName() + " permits ..` with"
          + " record variants");
      return Optional.empty();
    }
    if (!sealed.getTypeParameters().isEmpty()) {
      errors.error(c, where + ": sealed interface " + sealed.getSimpleName()
          + " cannot have type parameters");
      return Optional.empty();
    }
    boolean optional = isOptional(c.asType());
    String column = columnName(c, null);
    List<TypeElement> permitted = variants(sealed);
    boolean numeric = permitted.stream().anyMatch(v -> number(v) != Discriminator.NO_NUMBER);
    int next = firstIndex + 1;
    List<VariantDescriptor> variants = new ArrayList<>();
    Map<String, TypeElement> byDiscriminant = new HashMap<>();
    List<String> constants = Naming.constantNames(
        permitted.stream().map(v -> v.getSimpleName().toString()).toList());
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < permitted.size(); i++) {
      TypeElement v = permitted.get(i);
      Optional<String> discriminant = discriminant(where, sealed, v, numeric);
      if (!isVariantRecord(where, sealed, v)) {
        continue;
      }
      if (discriminant.isEmpty()) {
        next += v.getRecordComponents().size();
        continue;
      }
      checkClash(where, sealed, v, discriminant.get(), numeric, byDiscriminant);
      String path = decapitalize(v.getSimpleName().toString());
      boolean taken = !paths.add(path);
      if (taken || constants.get(i).equals(DISCRIMINATOR_CONSTANT)) {
        errors.error(c, where + ": variant " + v.getSimpleName() + " needs another name: "
            + (taken ? "its paths are named like another variant's"
                : DISCRIMINATOR_CONSTANT + " is the discriminator's path"));
      }
      String segment = segment(discriminant.get());
      List<FieldDescriptor> variantFields = new ArrayList<>();
      List<? extends RecordComponentElement> components = v.getRecordComponents();
      List<String> fieldConstants = Naming.constantNames(
          components.stream().map(rc -> rc.getSimpleName().toString()).toList());
      for (int k = 0; k < components.size(); k++) {
        RecordComponentElement rc = components.get(k);
        String fieldName = name + "." + path + "." + rc.getSimpleName();
        int index = next++;
        Optional<FieldType> type = variantField(sealed, rc, fieldName);
        if (type.isPresent()) {
          variantFields.add(new FieldDescriptor(index, fieldName, fieldConstants.get(k),
              columnName(rc, column + "_" + segment), type.get(), false, null, null, k, null,
              name, false));
        }
      }
      variants.add(new VariantDescriptor(ClassName.get(v), discriminant.get(), segment, path,
          constants.get(i), variantFields));
    }
    if (permitted.isEmpty()) {
      errors.error(c, where + ": sealed interface " + sealed.getSimpleName() + " permits no type");
    }
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    FieldType type = numeric
        ? new FieldType(FieldKind.INT, ClassName.get(Integer.class), optional, null)
        : new FieldType(FieldKind.STRING, ClassName.get(String.class), optional, null);
    FieldDescriptor discriminator = new FieldDescriptor(firstIndex,
        name + "." + SealedDescriptor.DISCRIMINATOR, DISCRIMINATOR_CONSTANT, column, type, false,
        null, null, -1);
    SealedDescriptor out = new SealedDescriptor(name, constant, ClassName.get(sealed), optional,
        position, numeric, discriminator, variants);
    fields.addAll(out.leaves());
    return Optional.of(out);
  }

  /**
   * Whether {@code @Json} component {@code c} is a sealed interface stored as one document: sealed,
   * and without {@code @JsonTypeInfo} (with it, Jackson's own type information applies).
   */
  static boolean isSealedDocument(RecordComponentElement c) {
    TypeElement type = elementOf(c.asType());
    return type != null && isSealedField(c) && type.getModifiers().contains(Modifier.SEALED)
        && !JsonMappable.typeInfo(type.asType());
  }

  /**
   * The variants of {@code @Json} sealed field {@code c} of {@code model}, stored as one document
   * tagged with the discriminator; empty after reporting its errors (each naming the model and the
   * field): a variant that is no record, a discriminator clash, a variant the codec cannot read
   * back, a variant field named like the discriminator's member.
   */
  Optional<FieldType> document(TypeElement model, RecordComponentElement c) {
    this.model = model;
    this.at = c;
    int before = errors.errorCount();
    String where = model.getSimpleName() + "." + c.getSimpleName();
    TypeElement sealed = sealedOf(c);
    if (!sealed.getTypeParameters().isEmpty()) {
      errors.error(c, where + ": sealed interface " + sealed.getSimpleName()
          + " cannot have type parameters");
    }
    List<TypeElement> permitted = variants(sealed);
    if (permitted.isEmpty()) {
      errors.error(c, where + ": sealed interface " + sealed.getSimpleName() + " permits no type");
    }
    boolean numeric = permitted.stream().anyMatch(v -> number(v) != Discriminator.NO_NUMBER);
    Map<String, TypeElement> byDiscriminant = new HashMap<>();
    List<ClassName> classes = new ArrayList<>();
    List<String> discriminants = new ArrayList<>();
    for (TypeElement v : permitted) {
      Optional<String> discriminant = discriminant(where, sealed, v, numeric);
      if (!isVariantRecord(where, sealed, v) || discriminant.isEmpty()) {
        continue;
      }
      checkClash(where, sealed, v, discriminant.get(), numeric, byDiscriminant);
      for (RecordComponentElement rc : v.getRecordComponents()) {
        if (rc.getSimpleName().contentEquals(SealedJsonPath.KEY)) {
          errors.error(c, where + ": variant " + v.getSimpleName() + " has a field named \""
              + SealedJsonPath.KEY + "\", the document's member that holds the"
              + " discriminator; rename the field");
        }
      }
      String misfit = TypeMapper.jsonMisfit(v.asType());
      if (misfit != null) {
        errors.error(c, where + ": variant " + v.getSimpleName() + ": " + misfit);
      }
      classes.add(ClassName.get(v));
      discriminants.add(discriminant.get());
    }
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new FieldType(FieldKind.JSON, ClassName.get(sealed), isOptional(c.asType()),
        null, false, null, false, new SealedDocument(numeric, classes, discriminants)));
  }

  /** Whether variant {@code v} is a record without type parameters, after reporting why not. */
  private boolean isVariantRecord(String where, TypeElement sealed, TypeElement v) {
    if (v.getKind() != ElementKind.RECORD) {
      errors.error(at, where + ": variant " + v.getSimpleName() + " of " + sealed.getSimpleName()
          + " is " + describe(v) + ", not a record; every type a stored sealed interface"
          + " permits must be a record");
      return false;
    }
    if (!v.getTypeParameters().isEmpty()) {
      errors.error(at, where + ": variant " + v.getSimpleName() + " cannot have type parameters");
    }
    return true;
  }

  /** Reports {@code v} sharing its discriminator with an earlier variant. */
  private void checkClash(String where, TypeElement sealed, TypeElement v, String discriminant,
      boolean numeric, Map<String, TypeElement> byDiscriminant) {
    TypeElement clash = byDiscriminant.putIfAbsent(discriminant, v);
    if (clash != null) {
      errors.error(at, where + ": variants " + clash.getSimpleName() + " and "
          + v.getSimpleName() + " of " + sealed.getSimpleName() + " share the discriminator "
          + (numeric ? discriminant : "\"" + discriminant + "\""));
    }
  }

  /** The constant of a discriminator's path in its field's paths class. */
  static final String DISCRIMINATOR_CONSTANT = "DISCRIMINATOR";

  /** The variant's discriminator: its {@code @Discriminator}, else its simple name. */
  private Optional<String> discriminant(String where, TypeElement sealed, TypeElement v,
      boolean numeric) {
    Discriminator d = v.getAnnotation(Discriminator.class);
    String value = d == null ? "" : d.value();
    int number = number(v);
    if (!value.isEmpty() && number != Discriminator.NO_NUMBER) {
      errors.error(at, where + ": variant " + v.getSimpleName() + " declares both a string and a"
          + " numeric @Discriminator; give one");
      return Optional.empty();
    }
    if (numeric && number == Discriminator.NO_NUMBER) {
      errors.error(at, where + ": variant " + v.getSimpleName() + " of "
          + sealed.getSimpleName() + " needs @Discriminator(number = ..): another variant's"
          + " discriminator is a number, and one field's discriminators are all numbers or all"
          + " strings");
      return Optional.empty();
    }
    if (numeric) {
      return Optional.of(Integer.toString(number));
    }
    if (d != null && value.isBlank()) {
      errors.error(at, where + ": @Discriminator on variant " + v.getSimpleName()
          + " needs a value (a string, or number = ..)");
      return Optional.empty();
    }
    return Optional.of(value.isEmpty() ? v.getSimpleName().toString() : value);
  }

  private static int number(TypeElement v) {
    Discriminator d = v.getAnnotation(Discriminator.class);
    return d == null ? Discriminator.NO_NUMBER : d.number();
  }

  /**
   * The column-name part made from a discriminator: snake-cased, anything but letters, digits
   * and {@code _} replaced by {@code _}; a negative number's minus is {@code m}.
   */
  static String segment(String discriminant) {
    String snake = Naming.snakeCase(discriminant.startsWith("-") && discriminant.length() > 1
        && Character.isDigit(discriminant.charAt(1)) ? "m" + discriminant.substring(1)
        : discriminant);
    StringBuilder out = new StringBuilder(snake.length());
    for (int i = 0; i < snake.length(); i++) {
      char ch = snake.charAt(i);
      out.append((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ? ch : '_');
    }
    return out.toString();
  }

  /** The type of a variant's field, after reporting why it has none. */
  private Optional<FieldType> variantField(TypeElement sealed, RecordComponentElement rc,
      String fieldName) {
    String where = model.getSimpleName() + "." + fieldName;
    for (Class<? extends Annotation> a : NOT_IN_VARIANT) {
      if (rc.getAnnotation(a) != null) {
        errors.error(at, where + ": @" + a.getSimpleName()
            + " does not apply to a field of a variant");
        return Optional.empty();
      }
    }
    TypeElement element = elementOf(rc.asType());
    if (element != null && (reaches(element, sealed, new HashSet<>()))) {
      errors.error(at, where + ": variant field of type " + rc.asType() + " contains "
          + sealed.getSimpleName() + " again (a sealed cycle)");
      return Optional.empty();
    }
    if (RelationResolver.kindOf(rc.asType()).isPresent()) {
      errors.error(at, where + ": a variant cannot hold a relation");
      return Optional.empty();
    }
    Optional<FieldType> type = types.map(rc.asType());
    if (type.isEmpty() || type.get().sensitive() || type.get().deferred()) {
      errors.error(at, where + ": unsupported variant field type " + rc.asType() + "; a"
          + " variant's field may be a boolean, byte, short, int, long, float, double (or their"
          + " boxes), String, byte[], UUID, BigDecimal, Instant, LocalDate, LocalTime,"
          + " LocalDateTime, OffsetDateTime, an enum, or an Optional of one of these (records and"
          + " sealed interfaces inside a variant are not supported yet)");
      return Optional.empty();
    }
    return type;
  }

  /** Whether {@code type}, or a record or sealed interface it holds, is {@code target}. */
  private static boolean reaches(TypeElement type, TypeElement target, Set<TypeElement> seen) {
    if (type.equals(target)) {
      return true;
    }
    if (!seen.add(type)) {
      return false;
    }
    if (type.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement rc : type.getRecordComponents()) {
        TypeElement inner = elementOf(rc.asType());
        if (inner != null && reaches(inner, target, seen)) {
          return true;
        }
      }
    }
    for (TypeElement v : variants(type)) {
      if (reaches(v, target, seen)) {
        return true;
      }
    }
    return false;
  }

  /** The permitted subtypes of {@code type}, in {@code permits} order; none if not sealed. */
  private static List<TypeElement> variants(TypeElement type) {
    if (type == null || !type.getModifiers().contains(Modifier.SEALED)) {
      return List.of();
    }
    List<TypeElement> out = new ArrayList<>();
    for (TypeMirror m : type.getPermittedSubclasses()) {
      if (m.getKind() == TypeKind.DECLARED) {
        out.add((TypeElement) ((DeclaredType) m).asElement());
      }
    }
    return out;
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

  private static String describe(TypeElement v) {
    return switch (v.getKind()) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      default -> "a class";
    };
  }

  private static String decapitalize(String name) {
    return name.isEmpty() ? name
        : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }

  private static boolean isOptional(TypeMirror type) {
    return EmbeddedParser.isOptional(type);
  }

  /** The declared type's element, through an {@code Optional}; null for any other type. */
  /** The interface of sealed field {@code c} ({@link #isSealedField}). */
  private static TypeElement sealedOf(RecordComponentElement c) {
    return Objects.requireNonNull(elementOf(c.asType()), "a sealed field's type is an interface");
  }

  private static @Nullable TypeElement elementOf(TypeMirror type) {
    return EmbeddedParser.recordOf(type);
  }
}
