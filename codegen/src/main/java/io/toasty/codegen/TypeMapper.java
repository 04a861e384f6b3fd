package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import org.jspecify.annotations.Nullable;

/** Maps the Java type of a record component to a {@link FieldType}, if it is supported. */
final class TypeMapper {
  private static final Map<String, FieldKind> DECLARED = Map.ofEntries(
      Map.entry("java.lang.Boolean", FieldKind.BOOLEAN),
      Map.entry("java.lang.Byte", FieldKind.BYTE),
      Map.entry("java.lang.Short", FieldKind.SHORT),
      Map.entry("java.lang.Integer", FieldKind.INT),
      Map.entry("java.lang.Long", FieldKind.LONG),
      Map.entry("java.lang.Float", FieldKind.FLOAT),
      Map.entry("java.lang.Double", FieldKind.DOUBLE),
      Map.entry("java.lang.String", FieldKind.STRING),
      Map.entry("java.util.UUID", FieldKind.UUID),
      Map.entry("java.math.BigDecimal", FieldKind.DECIMAL),
      Map.entry("java.time.Instant", FieldKind.INSTANT),
      Map.entry("java.time.LocalDate", FieldKind.LOCAL_DATE),
      Map.entry("java.time.LocalTime", FieldKind.LOCAL_TIME),
      Map.entry("java.time.LocalDateTime", FieldKind.LOCAL_DATE_TIME),
      Map.entry("java.time.OffsetDateTime", FieldKind.OFFSET_DATE_TIME));

  /** What the error message for an unsupported type lists. */
  static final String SUPPORTED = "boolean, byte, short, int, long, float, double (or their"
      + " boxes), String, byte[], UUID, BigDecimal, Instant, LocalDate, LocalTime, LocalDateTime,"
      + " OffsetDateTime, an enum, a Secret of one of these, or an Optional of one of these";

  private final Elements elements;

  TypeMapper(Elements elements) {
    this.elements = elements;
  }

  /** The field type of {@code type}; empty if it has no mapping. */
  Optional<FieldType> map(TypeMirror type) {
    if (DeferredTypes.isDeferred(type)) {
      return DeferredTypes.map(this, (DeclaredType) type);
    }
    if (isOptional(type)) {
      List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
      return args.size() != 1 ? Optional.empty() : plain(args.get(0))
          .map(t -> new FieldType(t.kind(), t.type(), true, t.enumType(), t.sensitive()));
    }
    return plain(type);
  }

  /**
   * The field type of a {@code @Json} field declared as {@code type} ({@code Optional<T>} makes it
   * nullable), or empty when {@link #jsonMisfit} names a reason it cannot be one.
   */
  Optional<FieldType> mapJson(TypeMirror type) {
    boolean optional = isOptional(type);
    TypeMirror inner = optional ? ((DeclaredType) type).getTypeArguments().get(0) : type;
    return jsonMisfit(type) != null ? Optional.empty()
        : Optional.of(new FieldType(FieldKind.JSON, TypeName.get(inner), optional, null));
  }

  /**
   * Why {@code type} cannot be a {@code @Json} field's type, or null if it can: the codec needs a
   * reference type known whole at compile time (no type variable or wildcard), and the engine's
   * own types (a relation handle, an {@code Optional} inside the document) have no JSON form.
   */
  static @Nullable String jsonMisfit(TypeMirror type) {
    if (isOptional(type)) {
      List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
      if (args.size() != 1) {
        return "a raw Optional has no type to read the document as";
      }
      type = args.get(0);
    }
    if (type.getKind().isPrimitive()) {
      return "a @Json field needs a reference type, not " + type
          + " (store a primitive as a plain field)";
    }
    return jsonPartMisfit(type);
  }

  private static @Nullable String jsonPartMisfit(TypeMirror type) {
    switch (type.getKind()) {
      case TYPEVAR, WILDCARD -> {
        return "a @Json field's type must be known whole at compile time, not " + type;
      }
      case ARRAY -> {
        TypeMirror item = ((ArrayType) type).getComponentType();
        return item.getKind().isPrimitive() ? null : jsonPartMisfit(item);
      }
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
        if (name.equals("java.util.Optional")) {
          return "an Optional inside a JSON document has no JSON form; use null or leave the key"
              + " out";
        }
        if (RelationResolver.kindOf(type).isPresent()) {
          return "a relation (" + type + ") is no JSON document";
        }
        if (declared.getTypeArguments().isEmpty()
            && !((TypeElement) declared.asElement()).getTypeParameters().isEmpty()) {
          return "a raw " + type + " has no element type to read the document as";
        }
        for (TypeMirror arg : declared.getTypeArguments()) {
          String misfit = JsonMappable.isObject(arg) ? null : jsonPartMisfit(arg);
          if (misfit != null) {
            return misfit;
          }
        }
        return JsonMappable.misfit(declared);
      }
      case ERROR -> {
        return null; // reported by javac; a later round may resolve it
      }
      default -> {
        return "a @Json field cannot hold " + type;
      }
    }
  }

  /** The item types a collection field may hold, by qualified name. */
  private static final Map<String, FieldKind> ITEMS = Map.of(
      "java.lang.String", FieldKind.STRING,
      "java.lang.Boolean", FieldKind.BOOLEAN,
      "java.lang.Short", FieldKind.SHORT,
      "java.lang.Integer", FieldKind.INT,
      "java.lang.Long", FieldKind.LONG,
      "java.lang.Double", FieldKind.DOUBLE,
      "java.util.UUID", FieldKind.UUID);

  /** What the error message for an unsupported collection item type lists. */
  static final String COLLECTION_ITEMS = "String, Boolean, Short, Integer, Long, Double or UUID";

  /** The collection kind of {@code type} (through an {@code Optional}), or null for none. */
  static @Nullable FieldKind collectionKind(TypeMirror type) {
    TypeMirror plain = unwrapOptional(type);
    if (plain.getKind() != TypeKind.DECLARED) {
      return null;
    }
    String name = ((TypeElement) ((DeclaredType) plain).asElement()).getQualifiedName()
        .toString();
    return switch (name) {
      case "java.util.List" -> FieldKind.LIST;
      case "java.util.Set" -> FieldKind.SET;
      case "java.util.Map" -> FieldKind.MAP;
      default -> null;
    };
  }

  /**
   * Why {@code type}, a {@code List}, {@code Set} or {@code Map} (see {@link #collectionKind}),
   * cannot be a collection field's type, or null if it can: items of one scalar type, and a map's
   * keys strings.
   */
  static @Nullable String collectionMisfit(TypeMirror type) {
    FieldKind kind = collectionKind(type);
    List<? extends TypeMirror> args = ((DeclaredType) unwrapOptional(type)).getTypeArguments();
    if (args.isEmpty()) {
      return "a raw " + type + " has no item type; declare it, as in List<String>";
    }
    if (kind == FieldKind.MAP && !isNamed(args.get(0), "java.lang.String")) {
      return "a Map field's keys are Strings, not " + args.get(0)
          + " (store another map with @Json)";
    }
    TypeMirror item = args.get(args.size() - 1);
    if (!ITEMS.containsKey(nameOf(item))) {
      return "a collection field holds " + COLLECTION_ITEMS + " items, not " + item
          + " (store other shapes with @Json)";
    }
    return null;
  }

  /** The field type of a collection field declared as {@code type}, if it has no misfit. */
  Optional<FieldType> mapCollection(TypeMirror type) {
    if (collectionMisfit(type) != null) {
      return Optional.empty();
    }
    TypeMirror plain = unwrapOptional(type);
    List<? extends TypeMirror> args = ((DeclaredType) plain).getTypeArguments();
    return Optional.of(new FieldType(Objects.requireNonNull(collectionKind(type), "no misfit"),
        TypeName.get(plain),
        isOptional(type), null, false, ITEMS.get(nameOf(args.get(args.size() - 1)))));
  }

  private static TypeMirror unwrapOptional(TypeMirror type) {
    if (isOptional(type)) {
      List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
      return args.size() == 1 ? args.get(0) : type;
    }
    return type;
  }

  private static String nameOf(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString() : "";
  }

  private static boolean isNamed(TypeMirror type, String name) {
    return nameOf(type).equals(name);
  }

  /** Whether {@code type} or a type in it could not be resolved (yet). */
  static boolean isUnresolved(TypeMirror type) {
    return switch (type.getKind()) {
      case ERROR -> true;
      case ARRAY -> isUnresolved(((ArrayType) type).getComponentType());
      case DECLARED -> ((DeclaredType) type).getTypeArguments().stream()
          .anyMatch(TypeMapper::isUnresolved);
      default -> false;
    };
  }

  private Optional<FieldType> plain(TypeMirror type) {
    return switch (type.getKind()) {
      case BOOLEAN -> primitive(FieldKind.BOOLEAN);
      case BYTE -> primitive(FieldKind.BYTE);
      case SHORT -> primitive(FieldKind.SHORT);
      case INT -> primitive(FieldKind.INT);
      case LONG -> primitive(FieldKind.LONG);
      case FLOAT -> primitive(FieldKind.FLOAT);
      case DOUBLE -> primitive(FieldKind.DOUBLE);
      case ARRAY -> ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE
          ? primitive(FieldKind.BYTES) : Optional.empty();
      case DECLARED -> declared((DeclaredType) type);
      default -> Optional.empty();
    };
  }

  private static Optional<FieldType> primitive(FieldKind kind) {
    return Optional.of(new FieldType(kind, kind.javaTypeOf(), false, null));
  }

  private Optional<FieldType> declared(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    if (element.getKind() == ElementKind.ENUM) {
      EnumType enumType = enumType(element);
      return Optional.of(new FieldType(FieldKind.ENUM, enumType.type(), false, enumType));
    }
    if (element.getQualifiedName().contentEquals("io.toasty.Secret")) {
      List<? extends TypeMirror> args = type.getTypeArguments();
      return args.size() != 1 ? Optional.empty() : plain(args.get(0))
          .filter(t -> !t.sensitive())
          .map(t -> new FieldType(t.kind(), t.type().box(), false, t.enumType(), true));
    }
    FieldKind kind = DECLARED.get(element.getQualifiedName().toString());
    return kind == null ? Optional.empty()
        : Optional.of(new FieldType(kind, kind.javaTypeOf().box(), false, null));
  }

  private EnumType enumType(TypeElement element) {
    List<String> constants = element.getEnclosedElements().stream()
        .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
        .map(Element::getSimpleName)
        .map(Object::toString)
        .toList();
    return new EnumType(ClassName.get(element), elements.getBinaryName(element).toString(),
        constants);
  }

  private static boolean isOptional(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && ((TypeElement) ((DeclaredType) type).asElement())
        .getQualifiedName().contentEquals("java.util.Optional");
  }
}
