package io.toasty.codegen;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;

/**
 * {@code Deferred<T>} model fields: a column of {@code T} (any scalar field type, optionally
 * {@code Optional}) that queries read only when they include it.
 */
final class DeferredTypes {
  static final String DEFERRED = "io.toasty.Deferred";

  private DeferredTypes() {}

  /** Whether {@code type} is {@code Deferred<..>}. */
  static boolean isDeferred(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && ((TypeElement) ((DeclaredType) type)
        .asElement()).getQualifiedName().contentEquals(DEFERRED);
  }

  /** The field type of {@code Deferred<T>}: {@code T}'s, deferred; empty for an unfit T. */
  static Optional<FieldType> map(TypeMapper types, DeclaredType type) {
    List<? extends TypeMirror> args = type.getTypeArguments();
    if (args.size() != 1 || isDeferred(args.get(0))) {
      return Optional.empty();
    }
    return types.map(args.get(0)).filter(t -> !t.sensitive() && !t.deferred()
        && t.item() == null)
        .map(t -> new FieldType(t.kind(), t.type().box(), t.optional(), t.enumType(), false,
            null, true));
  }

  /**
   * Why {@code type} (a {@code Deferred<..>} of a field that {@code key} says is a key or not)
   * cannot be a field, or null when it can: a key is read with every record, and {@code T}
   * must be a type a field may have, never a relation.
   */
  static @Nullable String misfit(TypeMirror type, boolean key) {
    if (key) {
      return "a @Key field cannot be Deferred: every read needs the key";
    }
    List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
    String arg = args.isEmpty() ? "" : args.get(0).toString();
    if (arg.startsWith("io.toasty.HasMany") || arg.startsWith("io.toasty.BelongsTo")
        || arg.startsWith("io.toasty.HasOne")) {
      return "a relation cannot be Deferred (a relation is loaded only when included already);"
          + " declare it as " + arg;
    }
    return null;
  }
}
