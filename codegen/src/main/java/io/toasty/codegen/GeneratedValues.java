package io.toasty.codegen;

import io.toasty.annotations.CreatedAt;
import io.toasty.annotations.Default;
import io.toasty.annotations.Key;
import io.toasty.annotations.OnUpdate;
import io.toasty.annotations.UpdatedAt;
import io.toasty.annotations.Version;
import io.toasty.schema.app.AutoStrategy;
import java.lang.annotation.Annotation;
import java.util.Set;
import javax.lang.model.element.RecordComponentElement;
import org.jspecify.annotations.Nullable;

/**
 * Reads the values the engine generates for a field on create and on update: {@code @CreatedAt},
 * {@code @UpdatedAt}, the expressions {@code @Default("now()")} / {@code @Default("uuid()")}, and
 * {@code @OnUpdate}. A {@code @Default} that is no expression is left to {@link DefaultCode};
 * on a {@code String} field {@code "now()"} stays a literal.
 */
final class GeneratedValues {
  static final String NOW = "now()";
  static final String UUID = "uuid()";
  private static final Set<FieldKind> TIMES = Set.of(FieldKind.INSTANT,
      FieldKind.OFFSET_DATE_TIME, FieldKind.LOCAL_DATE_TIME, FieldKind.LOCAL_DATE);

  /**
   * What a field generates.
   *
   * @param onCreate what a create that leaves it unset writes, or {@code null}
   * @param onUpdate what an update that does not set it writes, or {@code null}
   */
  record Generation(@Nullable AutoStrategy onCreate, @Nullable AutoStrategy onUpdate) {
    static final Generation NONE = new Generation(null, null);
  }

  private final ErrorReporter errors;

  GeneratedValues(ErrorReporter errors) {
    this.errors = errors;
  }

  /** Whether {@code @Default(value)} is an expression on a field of {@code type}. */
  static boolean isExpression(FieldType type, String value) {
    return NOW.equals(value) && TIMES.contains(type.kind())
        || UUID.equals(value) && type.kind() == FieldKind.UUID;
  }

  /** The generation of {@code c}, reporting misplaced annotations (then {@code NONE}). */
  Generation read(String where, RecordComponentElement c, FieldType type, boolean auto) {
    boolean created = c.getAnnotation(CreatedAt.class) != null;
    boolean updated = c.getAnnotation(UpdatedAt.class) != null;
    Default literal = c.getAnnotation(Default.class);
    OnUpdate onUpdate = c.getAnnotation(OnUpdate.class);
    if (created && updated) {
      return misfit(c, UpdatedAt.class, where + ": a field is either @CreatedAt or @UpdatedAt");
    }
    if (created || updated) {
      Class<? extends Annotation> at = created ? CreatedAt.class : UpdatedAt.class;
      String name = "@" + at.getSimpleName();
      if (!TIMES.contains(type.kind())) {
        return misfit(c, at, where + ": " + name + " needs an Instant, OffsetDateTime, "
            + "LocalDateTime or LocalDate field, not " + c.asType());
      }
      if (c.getAnnotation(Key.class) != null || auto || literal != null || onUpdate != null
          || c.getAnnotation(Version.class) != null) {
        return misfit(c, at, where + ": a " + name + " field takes no @Key, @Auto, @Default, "
            + "@OnUpdate or @Version");
      }
      return new Generation(AutoStrategy.NOW, updated ? AutoStrategy.NOW : null);
    }
    AutoStrategy onCreate = literal != null && isExpression(type, literal.value())
        ? expression(literal.value()) : null;
    if (onUpdate == null) {
      return new Generation(onCreate, null);
    }
    if (!isExpression(type, onUpdate.value())) {
      return misfit(c, OnUpdate.class, where + ": @OnUpdate(\"" + onUpdate.value() + "\") "
          + "is not an update expression for " + c.asType() + "; use \"now()\" on a time field "
          + "or \"uuid()\" on a UUID field");
    }
    if (c.getAnnotation(Key.class) != null || c.getAnnotation(Version.class) != null) {
      return misfit(c, OnUpdate.class, where + ": a @Key or @Version field takes no @OnUpdate");
    }
    return new Generation(onCreate, expression(onUpdate.value()));
  }

  private static AutoStrategy expression(String value) {
    return NOW.equals(value) ? AutoStrategy.NOW : AutoStrategy.UUID_V4;
  }

  private Generation misfit(RecordComponentElement c, Class<? extends Annotation> at,
      String message) {
    errors.error(c, ModelParser.mirror(c, at), message);
    return Generation.NONE;
  }
}
