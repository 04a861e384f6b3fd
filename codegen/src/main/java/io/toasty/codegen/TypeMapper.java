package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

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
      + " OffsetDateTime, an enum, or an Optional of one of these";

  private final Elements elements;

  TypeMapper(Elements elements) {
    this.elements = elements;
  }

  /** The field type of {@code type}; empty if it has no mapping. */
  Optional<FieldType> map(TypeMirror type) {
    if (isOptional(type)) {
      List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
      return args.size() != 1 ? Optional.empty() : plain(args.get(0))
          .map(t -> new FieldType(t.kind(), t.type(), true, t.enumType()));
    }
    return plain(type);
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
    return Optional.of(new FieldType(kind, kind.javaType(), false, null));
  }

  private Optional<FieldType> declared(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    if (element.getKind() == ElementKind.ENUM) {
      EnumType enumType = enumType(element);
      return Optional.of(new FieldType(FieldKind.ENUM, enumType.type(), false, enumType));
    }
    FieldKind kind = DECLARED.get(element.getQualifiedName().toString());
    return kind == null ? Optional.empty()
        : Optional.of(new FieldType(kind, kind.javaType().box(), false, null));
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
