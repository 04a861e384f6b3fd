package io.toasty.spring;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object read as a sealed model or value whose tag names no variant (or, read as one
 * variant, another), or that has no tag: Jackson's mapping error with an
 * {@link UnknownJsonTypeException} as its cause, which names the model and the tag (the
 * starter's problem details answer it with a 400). A variant's own type read without its tag is
 * that variant.
 */
final class SealedTypeProblems extends DeserializationProblemHandler {
  private final SealedTypes types;

  SealedTypeProblems(SealedTypes types) {
    this.types = types;
  }

  @Override
  public @Nullable JavaType handleUnknownTypeId(DeserializationContext ctxt, JavaType baseType,
      String subTypeId, TypeIdResolver idResolver, String failureMsg) throws IOException {
    return refuse(ctxt, baseType, subTypeId);
  }

  @Override
  public @Nullable JavaType handleMissingTypeId(DeserializationContext ctxt, JavaType baseType,
      TypeIdResolver idResolver, String failureMsg) throws IOException {
    if (types.ofVariant(baseType.getRawClass()) != null) {
      return baseType;
    }
    return refuse(ctxt, baseType, null);
  }

  private @Nullable JavaType refuse(DeserializationContext ctxt, JavaType baseType,
      @Nullable String tag)
      throws JsonMappingException {
    UnknownJsonTypeException e = types.unknown(baseType.getRawClass(), tag);
    if (e == null) {
      return null; // not a type of the models: Jackson's own error follows
    }
    throw JsonMappingException.from(ctxt, e.getMessage(), e);
  }
}
