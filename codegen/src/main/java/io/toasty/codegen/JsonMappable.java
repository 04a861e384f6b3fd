package io.toasty.codegen;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;

/**
 * Whether Jackson can read a declared type back from the document it writes, so that a {@code
 * @Json} field that could only fail at run time is a compile error instead: {@code Object} (read
 * back as maps and lists, not what was written), an interface or abstract class that names no
 * way to pick its implementation ({@code @JsonTypeInfo} on it or a supertype, or
 * {@code @JsonDeserialize(as/using)}), and an inner class (Jackson needs an outer instance). A
 * record's components are checked the same way, since Jackson reads them through its canonical
 * constructor. {@code Object} as a type argument ({@code Map<String, Object>}, {@code
 * List<Object>}) declares a free-form document, which Jackson reads back as JSON's own values
 * (maps, lists, strings, numbers, booleans, null): allowed.
 */
final class JsonMappable {
  /** Interfaces Jackson reads as its default implementation (an ArrayList, a LinkedHashMap..). */
  private static final Set<String> DEFAULTED = Set.of("java.util.Collection", "java.util.List",
      "java.util.Set", "java.util.SortedSet", "java.util.NavigableSet", "java.util.Queue",
      "java.util.Deque", "java.util.Map", "java.util.SortedMap", "java.util.NavigableMap");
  private static final String TYPE_INFO = "com.fasterxml.jackson.annotation.JsonTypeInfo";
  private static final String DESERIALIZE =
      "com.fasterxml.jackson.databind.annotation.JsonDeserialize";
  private static final String IGNORE = "com.fasterxml.jackson.annotation.JsonIgnore";

  private JsonMappable() {}

  /** Why Jackson cannot read {@code type} back, or null if it can. */
  static @Nullable String misfit(DeclaredType type) {
    return misfit(type, new HashSet<>());
  }

  private static @Nullable String misfit(DeclaredType type, Set<String> seen) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    if (name.equals("java.lang.Object")) {
      return "java.lang.Object says nothing of what the document holds (Jackson reads it back"
          + " as maps, lists and strings, not what was written); name the type it holds";
    }
    if (DEFAULTED.contains(name) || name.startsWith("com.fasterxml.jackson.databind.")) {
      return null; // a collection, or Jackson's own tree (JsonNode and its kinds)
    }
    boolean deserializer = annotation(element, DESERIALIZE) != null;
    if (isAbstract(element) && !deserializer && !typeInfo(type)) {
      String kind = element.getKind() == ElementKind.INTERFACE ? "the interface "
          : "the abstract class ";
      return kind + name + " has no way to pick its implementation when Jackson reads the document:"
          + " annotate it with @JsonTypeInfo (and @JsonSubTypes naming the implementations) or"
          + " @JsonDeserialize(as = ..)";
    }
    if (element.getNestingKind().isNested() && element.getKind() == ElementKind.CLASS
        && !element.getModifiers().contains(Modifier.STATIC)) {
      return "the inner class " + name + " needs an instance of its outer class, which Jackson"
          + " does not have; make it static";
    }
    if (element.getKind() == ElementKind.RECORD && !deserializer && seen.add(name)) {
      for (RecordComponentElement c : element.getRecordComponents()) {
        String misfit = annotation(c, IGNORE) != null || annotation(c, DESERIALIZE) != null
            ? null : partMisfit(c.asType(), seen);
        if (misfit != null) {
          return element.getSimpleName() + "." + c.getSimpleName() + ": " + misfit;
        }
      }
    }
    return null;
  }

  /**
   * A record component's type: its declared types and their arguments checked; a type variable
   * is bound at the use site, whose arguments are checked there.
   */
  private static @Nullable String partMisfit(TypeMirror type, Set<String> seen) {
    if (type.getKind() == TypeKind.ARRAY) {
      return partMisfit(((ArrayType) type).getComponentType(), seen);
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    for (TypeMirror arg : declared.getTypeArguments()) {
      String misfit = isObject(arg) ? null : partMisfit(arg, seen);
      if (misfit != null) {
        return misfit;
      }
    }
    return misfit(declared, seen);
  }

  /** Whether {@code type} is {@code Object}: a free-form value as a type argument. */
  static boolean isObject(TypeMirror type) {
    return type instanceof DeclaredType d
        && ((TypeElement) d.asElement()).getQualifiedName().contentEquals("java.lang.Object");
  }

  private static boolean isAbstract(TypeElement element) {
    return element.getKind() == ElementKind.INTERFACE
        || element.getKind() == ElementKind.CLASS
        && element.getModifiers().contains(Modifier.ABSTRACT);
  }

  /** Whether the type or one of its supertypes carries {@code @JsonTypeInfo}. */
  static boolean typeInfo(TypeMirror type) {
    if (!(type instanceof DeclaredType d)) {
      return false;
    }
    TypeElement element = (TypeElement) d.asElement();
    if (annotation(element, TYPE_INFO) != null) {
      return true;
    }
    if (typeInfo(element.getSuperclass())) {
      return true;
    }
    for (TypeMirror i : element.getInterfaces()) {
      if (typeInfo(i)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable AnnotationMirror annotation(Element element, String qualifiedName) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(qualifiedName)) {
        return m;
      }
    }
    return null;
  }
}
