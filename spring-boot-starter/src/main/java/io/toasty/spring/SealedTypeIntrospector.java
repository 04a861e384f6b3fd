package io.toasty.spring;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import com.fasterxml.jackson.databind.jsontype.impl.StdTypeResolverBuilder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the models' sealed types as if each carried {@code @JsonTypeInfo(use = NAME, property =
 * "type")} with its variants' tags as {@code @JsonSubTypes} names: Jackson then reads a JSON
 * object into the variant its tag names, and a variant's own type without the tag too (a
 * variant's tag, if sent, must be its own).
 */
final class SealedTypeIntrospector extends NopAnnotationIntrospector {
  private static final long serialVersionUID = 1L;
  private final transient SealedTypes types;

  SealedTypeIntrospector(SealedTypes types) {
    this.types = types;
  }

  @Override
  public @Nullable TypeResolverBuilder<?> findTypeResolver(MapperConfig<?> config,
      AnnotatedClass ac, JavaType baseType) {
    return types.isTagged(ac.getRawType())
        ? new StdTypeResolverBuilder(JsonTypeInfo.Value.construct(JsonTypeInfo.Id.NAME,
            JsonTypeInfo.As.PROPERTY, types.property(), null, false, Boolean.FALSE))
        : null;
  }

  @Override
  public @Nullable List<NamedType> findSubtypes(Annotated a) {
    SealedTypes.Sealed sealed = a instanceof AnnotatedClass c ? types.sealed(c.getRawType())
        : null;
    return sealed == null ? null : sealed.tags().entrySet().stream()
        .map(e -> new NamedType(e.getKey(), String.valueOf(e.getValue()))).toList();
  }

  @Override
  public @Nullable String findTypeName(AnnotatedClass ac) {
    return types.ofVariant(ac.getRawType()) == null ? null
        : String.valueOf(types.tag(ac.getRawType()));
  }
}
