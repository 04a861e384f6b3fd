package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.schema.app.RelationSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;

/**
 * Resolves relation fields: finds the related model, infers or checks the foreign key, the
 * referenced fields and the pair, and reports what does not exist or does not fit, naming the
 * model and field. Reads the related model's record directly, so it works whether that model is
 * compiled in the same run or comes from the class path.
 */
final class RelationResolver {
  private final TypeMapper types;
  private final ErrorReporter errors;

  RelationResolver(TypeMapper types, ErrorReporter errors) {
    this.types = types;
    this.errors = errors;
  }

  /** The relation kind of a component's declared type, or empty for a data field. */
  static Optional<RelationSchema.Kind> kindOf(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    return switch (name) {
      case "io.toasty.HasMany" -> Optional.of(RelationSchema.Kind.HAS_MANY);
      case "io.toasty.HasOne" -> Optional.of(RelationSchema.Kind.HAS_ONE);
      case "io.toasty.BelongsTo" -> Optional.of(RelationSchema.Kind.BELONGS_TO);
      default -> Optional.empty();
    };
  }

  /**
   * The data components of a model, in order (their position is their field index); of a
   * polymorphic model, the union of its variants' by name, in first-seen order (its fields').
   */
  static List<RecordComponentElement> dataComponents(TypeElement type) {
    List<RecordComponentElement> out = new ArrayList<>();
    for (RecordComponentElement c : components(type)) {
      if (kindOf(c.asType()).isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * The relation components of a model, in order (their position is their relation index); of
   * a polymorphic model, the union of its variants' by name.
   */
  static List<RecordComponentElement> relationComponents(TypeElement type) {
    List<RecordComponentElement> out = new ArrayList<>();
    for (RecordComponentElement c : components(type)) {
      if (kindOf(c.asType()).isPresent()) {
        out.add(c);
      }
    }
    return out;
  }

  /** A record's components; a polymorphic model's variants' components, one per name. */
  static List<? extends RecordComponentElement> components(TypeElement type) {
    if (type.getKind() != ElementKind.INTERFACE) {
      return type.getRecordComponents();
    }
    Map<String, RecordComponentElement> union = new LinkedHashMap<>();
    for (TypeMirror p : type.getPermittedSubclasses()) {
      if (p instanceof DeclaredType d && d.asElement() instanceof TypeElement v
          && v.getKind() == ElementKind.RECORD) {
        v.getRecordComponents().forEach(c -> union.putIfAbsent(c.getSimpleName().toString(), c));
      }
    }
    return List.copyOf(union.values());
  }

  /** Whether {@code type} is a polymorphic model: an {@code @Model} interface. */
  static boolean isHierarchy(TypeElement type) {
    return type.getKind() == ElementKind.INTERFACE && type.getAnnotation(Model.class) != null;
  }

  /** The relation of component {@code c} (relation number {@code index}), or empty on error. */
  Optional<RelationDescriptor> resolve(TypeElement model, RecordComponentElement c, int index,
      String constant, int component) {
    Optional<TypeElement> related = relatedType(c.asType());
    boolean hierarchy = related.map(RelationResolver::isHierarchy).orElse(false);
    RelationDescriptor.VariantTarget variant = related
        .filter(t -> t.getKind() == ElementKind.RECORD && PolymorphicParser.isVariant(t))
        .map(PolymorphicParser::variantTarget).orElse(null);
    return resolveAny(model, c, index, constant, component)
        .map(r -> r.toHierarchy(hierarchy, variant));
  }

  /**
   * The model whose fields a relation to {@code target} is keyed on: a variant's hierarchy
   * (one table, one numbering of fields), else {@code target} itself.
   */
  private static TypeElement keyed(TypeElement target) {
    return target.getKind() == ElementKind.RECORD
        ? PolymorphicParser.hierarchyOf(target).orElse(target) : target;
  }

  private Optional<RelationDescriptor> resolveAny(TypeElement model, RecordComponentElement c,
      int index, String constant, int component) {
    String where = model.getSimpleName() + "." + c.getSimpleName();
    RelationSchema.Kind kind = kindOf(c.asType()).orElseThrow();
    Target target = target(where, c, kind);
    if (target == null) {
      return Optional.empty();
    }
    ClassName entry = entryOf(target.type);
    ClassName record = ClassName.get(target.type);
    String name = c.getSimpleName().toString();
    if (kind == RelationSchema.Kind.BELONGS_TO) {
      Keys keys = belongsTo(model, c, keyed(target.type), target.optional);
      return keys == null ? Optional.empty() : Optional.of(new RelationDescriptor(index, name,
          constant, kind, target.optional, record, entry, "", keys.key, keys.references, null,
          component, null, List.of()));
    }
    String via = string(c, VIA);
    if (kind == RelationSchema.Kind.HAS_MANY && via != null) {
      if (keyed(target.type) != target.type) {
        errors.error(c, mirror(c, VIA), where + ": a via relation to variant "
            + target.type.getSimpleName() + " of a polymorphic model (not yet): relate to "
            + keyed(target.type).getSimpleName());
        return Optional.empty();
      }
      return via(model, c, via, index, constant, target.type, component);
    }
    String declaredPair = string(c, kind == RelationSchema.Kind.HAS_MANY ? MANY_PAIR : ONE_PAIR);
    declaredPair = declaredPair == null ? "" : declaredPair;
    RecordComponentElement pair = pair(model, c, declaredPair, target.type);
    if (pair == null) {
      return Optional.empty();
    }
    Keys keys = belongsTo(keyed(target.type), pair, model, optionalTarget(pair.asType()));
    if (keys == null) {
      errors.error(c, mirror(c, kind == RelationSchema.Kind.HAS_MANY ? MANY_PAIR : ONE_PAIR),
          where + ": its pair " + target.type.getSimpleName() + "." + pair.getSimpleName()
              + " has an invalid key");
      return Optional.empty();
    }
    return Optional.of(new RelationDescriptor(index, name, constant, kind, target.optional,
        record, entry, pair.getSimpleName().toString(), keys.references, keys.key, null,
        component, null, List.of()));
  }

  private Optional<RelationDescriptor> via(TypeElement model, RecordComponentElement c,
      String via, int index, String constant, TypeElement target, int component) {
    String where = model.getSimpleName() + "." + c.getSimpleName();
    AnnotationMirror m = mirror(c, VIA);
    String[] parts = via.split("\\.", -1);
    if (parts.length < 2 || Arrays.stream(parts).anyMatch(String::isEmpty)) {
      errors.error(c, m, where + ": via = \"" + via + "\" must name a has-many field of "
          + model.getSimpleName() + " and a belongs-to field of its model: \"memberships.role\""
          + ", or a path of relation fields: \"posts.comments\"");
      return Optional.empty();
    }
    if (!isJoinPath(model, parts)) {
      return steps(model, c, via, parts, index, constant, target, component);
    }
    RecordComponentElement first = component(model, parts[0]);
    if (first == null || kindOf(first.asType()).orElse(null) != RelationSchema.Kind.HAS_MANY) {
      errors.error(c, m, where + ": via \"" + via + "\": " + model.getSimpleName()
          + " has no has-many field " + parts[0]);
      return Optional.empty();
    }
    Target join = target(where, first, RelationSchema.Kind.HAS_MANY);
    if (join == null) {
      return Optional.empty();
    }
    RecordComponentElement second = component(join.type, parts[1]);
    if (second == null || kindOf(second.asType()).orElse(null) != RelationSchema.Kind.BELONGS_TO) {
      errors.error(c, m, where + ": via \"" + via + "\": " + join.type.getSimpleName()
          + " has no belongs-to field " + parts[1]);
      return Optional.empty();
    }
    Target end = target(where, second, RelationSchema.Kind.BELONGS_TO);
    if (end == null || !end.type.getQualifiedName().contentEquals(target.getQualifiedName())) {
      errors.error(c, m, where + ": via \"" + via + "\": " + join.type.getSimpleName() + "."
          + parts[1] + " relates to " + (end == null ? "?" : end.type.getSimpleName())
          + ", not " + target.getSimpleName());
      return Optional.empty();
    }
    if (string(first, VIA) != null) {
      errors.error(c, m, where + ": via \"" + via + "\": " + model.getSimpleName() + "."
          + parts[0] + " must be a direct @HasMany");
      return Optional.empty();
    }
    String firstPairName = string(first, MANY_PAIR);
    RecordComponentElement firstPair = pair(model, first,
        firstPairName == null ? "" : firstPairName, join.type);
    if (firstPair == null) {
      return Optional.empty();
    }
    Keys toSource = belongsTo(join.type, firstPair, model, optionalTarget(firstPair.asType()));
    Keys toTarget = belongsTo(join.type, second, target, optionalTarget(second.asType()));
    if (toSource == null || toTarget == null) {
      errors.error(c, m, where + ": via \"" + via + "\": the join model's keys are invalid");
      return Optional.empty();
    }
    RelationSchema.Through through = new RelationSchema.Through(
        join.type.getSimpleName().toString(), List.of(parts), toSource.key, toTarget.key);
    return Optional.of(new RelationDescriptor(index, c.getSimpleName().toString(), constant,
        RelationSchema.Kind.HAS_MANY, false, ClassName.get(target), entryOf(target), "",
        toSource.references, toTarget.references, through, component, entryOf(join.type), List.of()));
  }

  /** Whether {@code parts} is a has-many then the join model's belongs-to (a many-to-many). */
  private static boolean isJoinPath(TypeElement model, String[] parts) {
    if (parts.length != 2) {
      return false;
    }
    RecordComponentElement first = component(model, parts[0]);
    if (first == null || kindOf(first.asType()).orElse(null) != RelationSchema.Kind.HAS_MANY
        || ((DeclaredType) first.asType()).getTypeArguments().size() != 1) {
      return true; // reported as a many-to-many path
    }
    TypeMirror join = ((DeclaredType) first.asType()).getTypeArguments().get(0);
    if (join.getKind() != TypeKind.DECLARED) {
      return true;
    }
    RecordComponentElement second = component((TypeElement) ((DeclaredType) join).asElement(),
        parts[1]);
    return second == null
        || kindOf(second.asType()).orElse(null) == RelationSchema.Kind.BELONGS_TO;
  }

  /**
   * A multi-step via ({@code "posts.comments"}): each part a direct relation field of the model
   * the previous one reaches, the last reaching the declared target.
   */
  private Optional<RelationDescriptor> steps(TypeElement model, RecordComponentElement c,
      String via, String[] parts, int index, String constant, TypeElement target, int component) {
    String where = model.getSimpleName() + "." + c.getSimpleName();
    AnnotationMirror m = mirror(c, VIA);
    List<RelationSchema.Step> steps = new ArrayList<>();
    TypeElement at = model;
    for (String part : parts) {
      RecordComponentElement step = component(at, part);
      if (step == null || kindOf(step.asType()).isEmpty() || string(step, VIA) != null) {
        errors.error(c, m, where + ": via \"" + via + "\": " + at.getSimpleName()
            + " has no direct relation field " + part);
        return Optional.empty();
      }
      List<RecordComponentElement> relations = relationComponents(at);
      Optional<RelationDescriptor> r = resolve(at, step, relations.indexOf(step), "",
          at.getRecordComponents().indexOf(step));
      if (r.isEmpty()) {
        return Optional.empty();
      }
      RelationDescriptor d = r.get();
      if (d.variant() != null || d.hierarchy()) {
        errors.error(c, m, where + ": via \"" + via + "\": " + at.getSimpleName() + "." + part
            + " relates to a polymorphic model, which a multi-step via does not follow (not"
            + " yet)");
        return Optional.empty();
      }
      TypeElement next = (TypeElement) ((DeclaredType) types(step)).asElement();
      steps.add(new RelationSchema.Step(at.getSimpleName().toString(), part,
          next.getSimpleName().toString(), d.kind() == RelationSchema.Kind.HAS_MANY,
          d.sourceFields(), d.targetFields()));
      at = next;
    }
    if (!at.getQualifiedName().contentEquals(target.getQualifiedName())) {
      errors.error(c, m, where + ": via \"" + via + "\" reaches " + at.getSimpleName()
          + ", not " + target.getSimpleName());
      return Optional.empty();
    }
    return Optional.of(new RelationDescriptor(index, c.getSimpleName().toString(), constant,
        RelationSchema.Kind.HAS_MANY, false, ClassName.get(target), entryOf(target), "",
        steps.get(0).sourceFields(), List.of(), null, component, null, steps));
  }

  /** The related record type of a relation component ({@code Post} of {@code HasMany<Post>}). */
  private static TypeMirror types(RecordComponentElement c) {
    TypeMirror arg = ((DeclaredType) c.asType()).getTypeArguments().get(0);
    if (isOptional(arg)) {
      arg = ((DeclaredType) arg).getTypeArguments().get(0);
    }
    return arg;
  }

  /** The belongs-to field of {@code target} that a has-many or has-one of {@code model} pairs. */
  private @Nullable RecordComponentElement pair(TypeElement model, RecordComponentElement c,
      String declared, TypeElement target) {
    String where = model.getSimpleName() + "." + c.getSimpleName();
    AnnotationMirror m = mirror(c, kindOf(c.asType()).orElseThrow()
        == RelationSchema.Kind.HAS_MANY ? MANY_PAIR : ONE_PAIR);
    if (!declared.isEmpty()) {
      RecordComponentElement pair = component(target, declared);
      if (pair == null) {
        errors.error(c, m, where + ": pair \"" + declared + "\" does not exist: "
            + target.getSimpleName() + " has no field " + declared);
        return null;
      }
      Target back = kindOf(pair.asType()).orElse(null) == RelationSchema.Kind.BELONGS_TO
          ? target(where, pair, RelationSchema.Kind.BELONGS_TO) : null;
      if (back == null || !back.type.getQualifiedName().contentEquals(model.getQualifiedName())) {
        errors.error(c, m, where + ": pair " + target.getSimpleName() + "." + declared
            + " is not a @BelongsTo relation to " + model.getSimpleName());
        return null;
      }
      return pair;
    }
    List<RecordComponentElement> candidates = new ArrayList<>();
    for (RecordComponentElement r : relationComponents(target)) {
      if (kindOf(r.asType()).orElseThrow() != RelationSchema.Kind.BELONGS_TO) {
        continue;
      }
      Optional<TypeElement> back = relatedType(r.asType());
      if (back.isPresent() && back.get().getQualifiedName().contentEquals(
          model.getQualifiedName())) {
        candidates.add(r);
      }
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    if (candidates.isEmpty()) {
      errors.error(c, m, where + ": " + target.getSimpleName() + " has no @BelongsTo relation to "
          + model.getSimpleName() + " to pair with; add one (BelongsTo<"
          + model.getSimpleName() + ">)");
    } else {
      errors.error(c, m, where + ": the pair is ambiguous: " + target.getSimpleName()
          + " has several @BelongsTo relations to " + model.getSimpleName() + " ("
          + String.join(", ", candidates.stream().map(r -> r.getSimpleName().toString())
              .toList()) + "); name one with @" + simpleName(kindOf(c.asType()).orElseThrow())
          + ".Pair(\"..\")");
    }
    return null;
  }

  private record Keys(List<Integer> key, List<Integer> references) {}

  /** The key and referenced field indexes of belongs-to {@code c} of {@code model}, or null. */
  private @Nullable Keys belongsTo(TypeElement model, RecordComponentElement c, TypeElement target,
      boolean optional) {
    String where = model.getSimpleName() + "." + c.getSimpleName();
    AnnotationMirror m = mirror(c, KEY);
    List<RecordComponentElement> targetData = dataComponents(target);
    List<String> references = strings(c, KEY, "references");
    if (references.isEmpty()) {
      references = new ArrayList<>();
      for (RecordComponentElement d : targetData) {
        if (d.getAnnotation(Key.class) != null) {
          references.add(d.getSimpleName().toString());
        }
      }
    }
    for (RecordComponentElement d : targetData) {
      if (references.contains(d.getSimpleName().toString()) && EmbeddedParser.isEmbedded(d)) {
        errors.error(c, m, where + ": " + target.getSimpleName() + "." + d.getSimpleName()
            + " is an embedded record; a relation cannot reference one yet");
        return null;
      }
    }
    List<String> key = strings(c, KEY, "value");
    boolean inferred = key.isEmpty();
    if (key.isEmpty()) {
      if (references.size() != 1) {
        errors.error(c, m, where + ": " + target.getSimpleName() + " is referenced by "
            + references.size() + " fields; name the key fields with @BelongsTo.Key({..})");
        return null;
      }
      key = List.of(c.getSimpleName() + "Id");
    }
    if (key.size() != references.size()) {
      errors.error(c, m, where + ": " + key.size() + " key field(s) for " + references.size()
          + " referenced field(s) of " + target.getSimpleName());
      return null;
    }
    List<RecordComponentElement> data = dataComponents(model);
    List<Integer> keyIndexes = new ArrayList<>();
    List<Integer> refIndexes = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < key.size(); i++) {
      int k = indexOf(data, key.get(i));
      int r = indexOf(targetData, references.get(i));
      if (k < 0) {
        errors.error(c, m, where + ": key field \"" + key.get(i) + "\" does not exist on "
            + model.getSimpleName() + (inferred
            ? " (inferred from the relation's name; name it with @BelongsTo.Key(..))" : ""));
        ok = false;
        continue;
      }
      if (r < 0) {
        errors.error(c, m, where + ": referenced field \"" + references.get(i)
            + "\" does not exist on " + target.getSimpleName());
        ok = false;
        continue;
      }
      if (EmbeddedParser.isEmbedded(data.get(k)) || EmbeddedParser.isEmbedded(targetData.get(r))) {
        errors.error(c, m, where + ": an embedded record field cannot be a relation's key or"
            + " referenced field");
        ok = false;
        continue;
      }
      Optional<FieldType> kt = types.map(data.get(k).asType());
      Optional<FieldType> rt = types.map(targetData.get(r).asType());
      if (kt.isPresent() && rt.isPresent() && (kt.get().kind() != rt.get().kind()
          || !Objects.equals(kt.get().enumType(), rt.get().enumType()))) {
        errors.error(c, m, where + ": key field " + key.get(i) + " (" + data.get(k).asType()
            + ") cannot hold " + target.getSimpleName() + "." + references.get(i) + " ("
            + targetData.get(r).asType() + ")");
        ok = false;
      }
      if (kt.isPresent() && kt.get().optional() != optional) {
        errors.error(c, m, where + (optional
            ? ": an optional relation (BelongsTo<Optional<" + target.getSimpleName()
                + ">>) needs an Optional key field, but " + key.get(i) + " is not"
            : ": a required relation (BelongsTo<" + target.getSimpleName() + ">) needs a key"
                + " field that is not Optional, but " + key.get(i) + " is; declare BelongsTo<"
                + "Optional<" + target.getSimpleName() + ">>"));
        ok = false;
      }
      keyIndexes.add(fieldIndex(data, k));
      refIndexes.add(fieldIndex(targetData, r));
    }
    return ok ? new Keys(keyIndexes, refIndexes) : null;
  }

  /** The field index of data component {@code position}: an embedded record takes one a leaf. */
  private static int fieldIndex(List<RecordComponentElement> data, int position) {
    int index = 0;
    for (int i = 0; i < position; i++) {
      index += EmbeddedParser.width(data.get(i));
    }
    return index;
  }

  private record Target(TypeElement type, boolean optional) {}

  /** The related model of a relation component, checked to be an {@code @Model} record. */
  private @Nullable Target target(String where, RecordComponentElement c,
      RelationSchema.Kind kind) {
    DeclaredType declared = (DeclaredType) c.asType();
    if (declared.getTypeArguments().size() != 1) {
      errors.error(c, where + ": " + simpleName(kind) + " needs a type argument: "
          + simpleName(kind) + "<Post>");
      return null;
    }
    TypeMirror arg = declared.getTypeArguments().get(0);
    boolean optional = isOptional(arg);
    if (optional) {
      if (kind == RelationSchema.Kind.HAS_MANY) {
        errors.error(c, where + ": a has-many relation is a list: HasMany<T>, not "
            + "HasMany<Optional<T>>");
        return null;
      }
      List<? extends TypeMirror> inner = ((DeclaredType) arg).getTypeArguments();
      arg = inner.size() == 1 ? inner.get(0) : arg;
    }
    TypeElement related = arg.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) arg).asElement() : null;
    if (related != null && isHierarchy(related)) {
      return new Target(related, optional);
    }
    if (related == null || related.getKind() != ElementKind.RECORD
        || related.getAnnotation(Model.class) == null) {
      errors.error(c, where + ": " + simpleName(kind) + " must relate to an @Model record, not "
          + arg + " (or to a polymorphic model's @Model interface)");
      return null;
    }
    return new Target(related, optional);
  }

  static Optional<TypeElement> relatedType(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
    if (args.size() != 1) {
      return Optional.empty();
    }
    TypeMirror arg = args.get(0);
    if (isOptional(arg)) {
      List<? extends TypeMirror> inner = ((DeclaredType) arg).getTypeArguments();
      if (inner.size() != 1) {
        return Optional.empty();
      }
      arg = inner.get(0);
    }
    return arg.getKind() == TypeKind.DECLARED
        ? Optional.of((TypeElement) ((DeclaredType) arg).asElement()) : Optional.empty();
  }

  private static boolean optionalTarget(TypeMirror relationType) {
    List<? extends TypeMirror> args = ((DeclaredType) relationType).getTypeArguments();
    return args.size() == 1 && isOptional(args.get(0));
  }

  private static boolean isOptional(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && ((TypeElement) ((DeclaredType) type).asElement())
        .getQualifiedName().contentEquals("java.util.Optional");
  }

  /** The entry class of a model record: its {@code @Model(entry)} or its name's plural. */
  static ClassName entryOf(TypeElement type) {
    Model model = type.getAnnotation(Model.class);
    String entry = model == null || model.entry().isEmpty()
        ? Naming.plural(type.getSimpleName().toString()) : model.entry();
    return ClassName.get(ClassName.get(type).packageName(), entry);
  }

  private static @Nullable RecordComponentElement component(TypeElement type, String name) {
    for (RecordComponentElement c : components(type)) {
      if (c.getSimpleName().contentEquals(name)) {
        return c;
      }
    }
    return null;
  }

  private static int indexOf(List<RecordComponentElement> components, String name) {
    for (int i = 0; i < components.size(); i++) {
      if (components.get(i).getSimpleName().contentEquals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static String simpleName(RelationSchema.Kind kind) {
    return switch (kind) {
      case HAS_MANY -> "HasMany";
      case HAS_ONE -> "HasOne";
      case BELONGS_TO -> "BelongsTo";
    };
  }

  private static final String MANY_PAIR = "io.toasty.HasMany.Pair";
  private static final String VIA = "io.toasty.HasMany.Via";
  private static final String ONE_PAIR = "io.toasty.HasOne.Pair";
  private static final String KEY = "io.toasty.BelongsTo.Key";

  /** The annotation called {@code name} on {@code element}, or {@code null}. */
  static @Nullable AnnotationMirror mirror(Element element, String name) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(name)) {
        return m;
      }
    }
    return null;
  }

  /**
   * The {@code value} of annotation {@code name} on {@code element}, or {@code null} when it is
   * absent. Read from the mirror, so that the processor never loads the run-time API.
   */
  private static @Nullable String string(Element element, String name) {
    AnnotationMirror m = mirror(element, name);
    Object v = m == null ? null : member(m, "value");
    return v == null ? null : v.toString();
  }

  /** The string-array member {@code member} of annotation {@code name}; empty when absent. */
  private static List<String> strings(Element element, String name, String member) {
    AnnotationMirror m = mirror(element, name);
    Object v = m == null ? null : member(m, member);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> items) {
      for (Object item : items) {
        out.add(((AnnotationValue) item).getValue().toString());
      }
    } else {
      out.add(v.toString());
    }
    return out;
  }

  private static @Nullable Object member(AnnotationMirror m, String member) {
    for (var e : m.getElementValues().entrySet()) {
      ExecutableElement key = e.getKey();
      if (key.getSimpleName().contentEquals(member)) {
        return e.getValue().getValue();
      }
    }
    return null;
  }
}
