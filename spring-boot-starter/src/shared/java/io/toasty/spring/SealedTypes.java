package io.toasty.spring;

import io.toasty.ModelDef;
import io.toasty.annotations.Discriminator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The sealed interfaces of an application's models, each with its variants and their tags, for
 * the Jackson module: a polymorphic model ({@code @Model sealed interface Activity}) and the
 * sealed type of a model's field, stored in columns or as one {@code @Json} document. A variant's
 * tag is the discriminator the model stores ({@code @Discriminator("moved")}, a number, or the
 * record's simple name), so JSON names a variant as the database does. A sealed interface that
 * carries Jackson's own {@code @JsonTypeInfo} is left to Jackson, as the models leave it.
 */
final class SealedTypes {
  private static final String JSON_TYPE_INFO = "com.fasterxml.jackson.annotation.JsonTypeInfo";

  /**
   * A sealed interface: the model it is (a polymorphic model: {@code field} null) or whose field's
   * type it is, and its variants' tags, in declaration order.
   */
  record Sealed(Class<?> type, String model, @Nullable String field, Map<Class<?>, Object> tags) {
    /** {@code Activity}, {@code Ticket.stage}: for messages. */
    String name() {
      return field == null ? model : model + "." + field;
    }

    /** The tags as text, in declaration order. */
    List<String> known() {
      return tags.values().stream().map(String::valueOf).toList();
    }

    /** The variant whose tag's text is {@code text}, or null. */
    @Nullable Class<?> variant(String text) {
      for (Map.Entry<Class<?>, Object> e : tags.entrySet()) {
        if (String.valueOf(e.getValue()).equals(text)) {
          return e.getKey();
        }
      }
      return null;
    }
  }

  private final String property;
  private final Map<Class<?>, Sealed> sealed = new LinkedHashMap<>();
  private final Map<Class<?>, Sealed> byVariant = new LinkedHashMap<>();

  private SealedTypes(String property) {
    this.property = property;
  }

  /**
   * The sealed types of {@code models}, named in JSON by {@code property}.
   *
   * @throws IllegalStateException when a variant has a field of that name, where its tag would go
   */
  static SealedTypes of(Collection<? extends ModelDef<?>> models, String property) {
    SealedTypes types = new SealedTypes(property);
    for (ModelDef<?> model : models) {
      Class<?> type = model.type();
      if (isSealedOfRecords(type)) {
        types.add(type, model.name(), null);
        continue;
      }
      if (!type.isRecord()) {
        continue;
      }
      for (RecordComponent c : type.getRecordComponents()) {
        Class<?> field = valueClass(c.getGenericType());
        if (field != null && isSealedOfRecords(field)) {
          types.add(field, model.name(), c.getName());
        }
      }
    }
    return types;
  }

  /** The JSON property that holds a variant's tag. */
  String property() {
    return property;
  }

  /** The sealed interface {@code type} is, or null when it is none of the models'. */
  @Nullable Sealed sealed(Class<?> type) {
    return sealed.get(type);
  }

  /** The sealed interface {@code type} is a variant of, or null when it is none. */
  @Nullable Sealed ofVariant(Class<?> type) {
    return byVariant.get(type);
  }

  /** Whether {@code type} is a sealed interface of the models or one of its variants. */
  boolean isTagged(Class<?> type) {
    return sealed.containsKey(type) || byVariant.containsKey(type);
  }

  /** The tag of a variant class: a {@code String} or an {@code Integer}. */
  Object tag(Class<?> variant) {
    Sealed of = Objects.requireNonNull(byVariant.get(variant), "a variant of the models' types");
    return Objects.requireNonNull(of.tags().get(variant), "each variant has its tag");
  }

  private void add(Class<?> type, String model, @Nullable String field) {
    if (sealed.containsKey(type)) {
      return;
    }
    String name = field == null ? model : model + "." + field;
    Map<Class<?>, Object> tags = new LinkedHashMap<>();
    for (Class<?> variant : type.getPermittedSubclasses()) {
      for (RecordComponent c : variant.getRecordComponents()) {
        if (c.getName().equals(property)) {
          throw new IllegalStateException(name + ": variant " + variant.getSimpleName()
              + " has a field named \"" + property + "\", the JSON property that names the "
              + "variant; choose another with toasty.jackson.type-property");
        }
      }
      tags.put(variant, discriminator(variant));
    }
    Sealed s = new Sealed(type, model, field, tags);
    sealed.put(type, s);
    tags.keySet().forEach(v -> byVariant.putIfAbsent(v, s));
  }

  /** The discriminator the models store for {@code variant}. */
  private static Object discriminator(Class<?> variant) {
    Discriminator d = variant.getAnnotation(Discriminator.class);
    if (d != null && d.number() != Discriminator.NO_NUMBER) {
      return d.number();
    }
    return d != null && !d.value().isEmpty() ? d.value() : variant.getSimpleName();
  }

  private static boolean isSealedOfRecords(Class<?> type) {
    return type.isInterface() && type.isSealed()
        && Stream.of(type.getPermittedSubclasses()).allMatch(Class::isRecord)
        && Stream.of(type.getAnnotations())
            .noneMatch(a -> a.annotationType().getName().equals(JSON_TYPE_INFO));
  }

  /** The class of a field's value: {@code T} of {@code T} and of {@code Optional<T>}. */
  private static @Nullable Class<?> valueClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() == Optional.class
        && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  /**
   * The error for a JSON object read as {@code type} whose tag is {@code tag} (null: none) and
   * names no variant of it (read as one variant: is not its own); null when {@code type} is
   * none of the models' sealed types or variants.
   */
  @Nullable UnknownJsonTypeException unknown(Class<?> type, @Nullable String tag) {
    Sealed s = sealed.get(type);
    if (s != null) {
      return new UnknownJsonTypeException(s.model(), s.field(), property, tag, s.known());
    }
    Sealed of = byVariant.get(type);
    return of == null ? null : new UnknownJsonTypeException(of.model(), of.field(), property, tag,
        List.of(String.valueOf(of.tags().get(type))));
  }
}
