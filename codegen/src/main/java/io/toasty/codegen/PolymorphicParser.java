package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import io.toasty.schema.app.RelationSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@code @Model} sealed interface into a {@link PolymorphicDescriptor}: each permitted
 * record is read as a model, then their fields are merged into one table's. Every misuse is a
 * compile error naming the interface, the variant and the field: a permitted type that is no
 * {@code @Model} record, variants whose keys differ, a field name with two types or columns, a
 * discriminator given twice or mixing numbers and strings, and what a variant may not hold yet.
 */
final class PolymorphicParser {
  private final ModelParser models;
  private final ErrorReporter errors;

  PolymorphicParser(ModelParser models, ErrorReporter errors) {
    this.models = models;
    this.errors = errors;
  }

  /** Whether {@code type} is a variant of a polymorphic model, written with its interface. */
  static boolean isVariant(TypeElement type) {
    return hierarchyOf(type).isPresent();
  }

  /** The polymorphic model (its {@code @Model} interface) {@code type} is a variant of. */
  static Optional<TypeElement> hierarchyOf(TypeElement type) {
    return type.getInterfaces().stream().map(PolymorphicParser::elementOf)
        .filter(i -> i != null && i.getKind() == ElementKind.INTERFACE
            && i.getAnnotation(Model.class) != null)
        .findFirst();
  }

  /** The hierarchy of {@code type}, or empty if it has errors (which have been reported). */
  Optional<PolymorphicDescriptor> parse(TypeElement type) {
    int before = errors.errorCount();
    String name = type.getSimpleName().toString();
    if (!type.getModifiers().contains(Modifier.SEALED)) {
      errors.error(type, name + ": an @Model interface must be sealed, permitting its variant"
          + " records (a polymorphic model)");
      return Optional.empty();
    }
    List<TypeElement> permitted = new ArrayList<>();
    for (TypeMirror p : type.getPermittedSubclasses()) {
      TypeElement v = elementOf(p);
      if (v == null || v.getKind() != ElementKind.RECORD || v.getAnnotation(Model.class) == null) {
        errors.error(type, name + ": permitted type " + p + " is not an @Model record; every"
            + " variant of a polymorphic model is one");
      } else {
        permitted.add(v);
      }
    }
    List<ModelDescriptor> variants = new ArrayList<>();
    for (TypeElement v : permitted) {
      if (belongsToOnly(type, v)) {
        models.parse(v).ifPresent(variants::add);
      }
    }
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    Map<String, FieldDescriptor> union = merge(type, permitted, variants);
    List<String> discriminants = discriminants(type, permitted);
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    Map<String, RelationDescriptor> relations = new LinkedHashMap<>();
    List<List<RelationDescriptor>> variantRelations = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      variantRelations.add(relations(type, permitted.get(i), variants.get(i), union, relations));
    }
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    List<FieldDescriptor> fields = new ArrayList<>(union.values());
    FieldDescriptor discriminator = discriminatorField(fields.size(), permitted);
    ClassName iface = ClassName.get(type);
    ClassName entry = ClassName.get(iface.packageName(), entryName(type));
    Map<String, IndexDescriptor> indexes = new LinkedHashMap<>();
    for (ModelDescriptor v : variants) {
      for (IndexDescriptor i : v.indexes()) {
        IndexDescriptor renumbered = index(v, i, union, tableName(type, entry));
        indexes.putIfAbsent(renumbered.name(), renumbered);
      }
    }
    List<PolymorphicVariant> out = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      ModelDescriptor v = variants.get(i);
      out.add(new PolymorphicVariant(v.record(), v.entry(), discriminants.get(i),
          v.fields().stream().map(f -> union.get(f.name())).toList(), variantRelations.get(i)));
    }
    return Optional.of(new PolymorphicDescriptor(iface, type.getQualifiedName().toString(),
        entry, tableName(type, entry), fields, discriminator, out,
        List.copyOf(relations.values()), List.copyOf(indexes.values()),
        DeclaredNamesCode.read(type, fields)));
  }

  /**
   * Index {@code i} of variant {@code v} as the hierarchy's: on its fields' numbers, named after
   * the hierarchy's table unless the variant named it.
   */
  private static IndexDescriptor index(ModelDescriptor v, IndexDescriptor i,
      Map<String, FieldDescriptor> union, String table) {
    String prefix = v.table() + "_";
    String name = i.name().startsWith(prefix) ? table + "_" + i.name().substring(prefix.length())
        : i.name();
    int field = unionField(union, v.fields().get(i.field())).index();
    int sortBy = i.sortBy() < 0 ? -1 : unionField(union, v.fields().get(i.sortBy())).index();
    return new IndexDescriptor(name, field, i.unique(), sortBy);
  }

  /**
   * The belongs-to relations of variant {@code v}, renumbered as the hierarchy's: a relation is
   * the hierarchy's once by name, and every variant that declares it declares it alike (same
   * target, key fields and optionality), so that one relation of one table serves them all.
   */
  private List<RelationDescriptor> relations(TypeElement type, TypeElement at, ModelDescriptor v,
      Map<String, FieldDescriptor> union, Map<String, RelationDescriptor> hierarchy) {
    List<RelationDescriptor> out = new ArrayList<>();
    for (RelationDescriptor r : v.relations()) {
      List<Integer> sourceFields = r.sourceFields().stream()
          .map(f -> unionField(union, v.fields().get(f)).index()).toList();
      if (union.containsKey(r.name())) {
        errors.error(at, type.getSimpleName() + ": relation " + v.name() + "." + r.name()
            + " has the name of another variant's field " + r.name() + "; the hierarchy's"
            + " paths (" + entryName(type) + "." + r.constant() + ") need one name each");
        continue;
      }
      RelationDescriptor prior = hierarchy.get(r.name());
      int index = prior == null ? hierarchy.size() : prior.index();
      RelationDescriptor renumbered = r.inHierarchy(index, sourceFields);
      if (prior == null) {
        hierarchy.put(r.name(), renumbered);
      } else if (!prior.target().equals(r.target()) || prior.optional() != r.optional()
          || !prior.sourceFields().equals(sourceFields)
          || !prior.targetFields().equals(r.targetFields())) {
        errors.error(at, type.getSimpleName() + ": relation " + v.name() + "." + r.name()
            + " differs from another variant's " + r.name() + " (its target, key fields or"
            + " optionality); the variants of a polymorphic model share one relation per name");
      }
      out.add(renumbered);
    }
    return out;
  }

  /** The union of the variants' fields by name, each checked against its namesakes. */
  private Map<String, FieldDescriptor> merge(TypeElement type, List<TypeElement> elements,
      List<ModelDescriptor> variants) {
    Map<String, FieldDescriptor> union = new LinkedHashMap<>();
    Map<String, String> owner = new HashMap<>();
    for (int i = 0; i < variants.size(); i++) {
      ModelDescriptor v = variants.get(i);
      TypeElement at = elements.get(i);
      if (!checkVariant(type, at, v)) {
        continue;
      }
      for (FieldDescriptor f : v.fields()) {
        FieldDescriptor prior = union.get(f.name());
        if (prior == null) {
          union.put(f.name(), new FieldDescriptor(union.size(), f.name(), f.constant(), f.column(),
              f.type(), f.key(), null, null, union.size()));
          owner.put(f.name(), v.name());
        } else if ((!prior.type().equals(f.type()) || !prior.column().equals(f.column())
            || prior.key() != f.key()) && !(prior.key() && f.key())) {
          // (keys that differ are the key check's error)
          errors.error(at, type.getSimpleName() + ": field " + v.name() + "." + f.name() + " ("
              + describe(f) + ") differs from " + owner.get(f.name()) + "." + f.name() + " ("
              + describe(prior) + "); the variants of a polymorphic model share one column per"
              + " field name");
        }
      }
      checkKey(type, at, v, variants.get(0));
    }
    return union;
  }

  /**
   * Whether variant {@code v}'s relations are all belongs-to; reports a has-many or has-one
   * before the variant is parsed (its pair, a belongs-to to a variant, could not resolve).
   */
  private boolean belongsToOnly(TypeElement type, TypeElement v) {
    for (RecordComponentElement c : v.getRecordComponents()) {
      RelationSchema.Kind kind = RelationResolver.kindOf(c.asType()).orElse(null);
      if (kind == RelationSchema.Kind.HAS_MANY || kind == RelationSchema.Kind.HAS_ONE) {
        errors.error(v, type.getSimpleName() + ": variant " + v.getSimpleName() + ": relation "
            + c.getSimpleName() + " is a " + (kind == RelationSchema.Kind.HAS_MANY ? "has-many"
                : "has-one") + "; a variant of a polymorphic model declares belongs-to"
            + " relations only (not yet has-many or has-one)");
        return false;
      }
    }
    return true;
  }

  /** Refuses what a variant may not hold (yet), naming it. */
  private boolean checkVariant(TypeElement type, TypeElement at, ModelDescriptor v) {
    String where = type.getSimpleName() + ": variant " + v.name();
    if (!v.embedded().isEmpty() || !v.sealed().isEmpty()
        || v.indexes().stream().anyMatch(IndexDescriptor::unique)) {
      errors.error(at, where + ": a variant of a polymorphic model holds plain fields, indexes"
          + " and belongs-to relations only (no embedded record, sealed-interface field or"
          + " unique index)");
      return false;
    }

    for (FieldDescriptor f : v.fields()) {
      FieldKind kind = f.type().kind();
      if (f.auto() != null || f.defaultValue() != null || f.sensitive() || f.type().deferred()
          || kind == FieldKind.JSON || kind.isCollection()) {
        errors.error(at, where + ": field " + f.name() + " is generated, defaulted, sensitive,"
            + " deferred, JSON or a collection, which a polymorphic model does not store");
        return false;
      }
      if (f.name().equals(PolymorphicDescriptor.DISCRIMINATOR)
          || f.column().equalsIgnoreCase(PolymorphicDescriptor.DISCRIMINATOR)) {
        errors.error(at, where + ": field " + f.name() + " clashes with the discriminator"
            + " column '" + PolymorphicDescriptor.DISCRIMINATOR + "'");
        return false;
      }
    }
    return true;
  }

  private void checkKey(TypeElement type, TypeElement at, ModelDescriptor v,
      ModelDescriptor first) {
    List<String> key = v.keyFields().stream().map(PolymorphicParser::describeKey).toList();
    List<String> firstKey = first.keyFields().stream().map(PolymorphicParser::describeKey)
        .toList();
    if (!key.equals(firstKey)) {
      errors.error(at, type.getSimpleName() + ": variant " + v.name() + "'s key " + key
          + " differs from " + first.name() + "'s key " + firstKey + "; the variants of a"
          + " polymorphic model share one key");
    }
  }

  /** Each variant's discriminator: its {@code @Discriminator}, else its simple name. */
  private List<String> discriminants(TypeElement type, List<TypeElement> variants) {
    boolean numeric = variants.stream().anyMatch(v -> number(v) != Discriminator.NO_NUMBER);
    List<String> out = new ArrayList<>();
    Map<String, String> taken = new HashMap<>();
    for (TypeElement v : variants) {
      Discriminator d = v.getAnnotation(Discriminator.class);
      String value = d == null ? "" : d.value();
      String where = type.getSimpleName() + ": variant " + v.getSimpleName();
      if (numeric && (number(v) == Discriminator.NO_NUMBER || !value.isEmpty())) {
        errors.error(v, where + " needs @Discriminator(number = ..) alone: another variant's"
            + " discriminator is a number, and a model's discriminators are all numbers or all"
            + " strings");
      }
      String discriminant = discriminant(v, numeric);
      String prior = taken.putIfAbsent(discriminant, v.getSimpleName().toString());
      if (prior != null) {
        errors.error(v, where + ": discriminator \"" + discriminant + "\" is already "
            + prior + "'s");
      }
      out.add(discriminant);
    }
    return out;
  }

  /** Variant {@code v}'s discriminator as written in Java source (see PolymorphicVariant). */
  private static String discriminant(TypeElement v, boolean numeric) {
    Discriminator d = v.getAnnotation(Discriminator.class);
    String value = d == null ? "" : d.value();
    return numeric ? Integer.toString(number(v))
        : value.isBlank() ? v.getSimpleName().toString() : value;
  }

  /**
   * What a relation to variant {@code v} (a record of a polymorphic model) targets: the
   * hierarchy's model, its discriminator field (after the union of the variants' fields) and
   * the variant's discriminator.
   */
  static RelationDescriptor.VariantTarget variantTarget(TypeElement v) {
    TypeElement hierarchy = hierarchyOf(v).orElseThrow();
    List<TypeElement> variants = hierarchy.getPermittedSubclasses().stream()
        .map(PolymorphicParser::elementOf).filter(Objects::nonNull).toList();
    boolean numeric = variants.stream().anyMatch(p -> number(p) != Discriminator.NO_NUMBER);
    String discriminant = discriminant(v, numeric);
    CodeBlock value = numeric
        ? CodeBlock.of("$T.of($L)", ApiTypes.VALUE, discriminant)
        : CodeBlock.of("$T.of($S)", ApiTypes.VALUE, discriminant);
    return new RelationDescriptor.VariantTarget(hierarchy.getSimpleName().toString(),
        RelationResolver.dataComponents(hierarchy).size(), value);
  }

  private static FieldDescriptor discriminatorField(int index, List<TypeElement> variants) {
    boolean numeric = variants.stream().anyMatch(v -> number(v) != Discriminator.NO_NUMBER);
    FieldKind kind = numeric ? FieldKind.INT : FieldKind.STRING;
    TypeName java = numeric ? TypeName.INT.box() : ClassName.get(String.class);
    return new FieldDescriptor(index, PolymorphicDescriptor.DISCRIMINATOR, "DISCRIMINATOR",
        PolymorphicDescriptor.DISCRIMINATOR, new FieldType(kind, java, false, null), false, null,
        null, index);
  }

  private static int number(TypeElement v) {
    Discriminator d = v.getAnnotation(Discriminator.class);
    return d == null ? Discriminator.NO_NUMBER : d.number();
  }

  private static String entryName(TypeElement type) {
    String entry = type.getAnnotation(Model.class).entry();
    return entry.isEmpty() ? Naming.plural(type.getSimpleName().toString()) : entry;
  }

  private static String tableName(TypeElement type, ClassName entry) {
    Table table = type.getAnnotation(Table.class);
    return table == null || table.value().isBlank() ? Naming.snakeCase(entry.simpleName())
        : table.value();
  }

  private static String describe(FieldDescriptor f) {
    return (f.type().optional() ? "Optional<" + f.type().type() + ">" : f.type().type().toString())
        + " in column " + f.column() + (f.key() ? ", key" : "");
  }

  private static String describeKey(FieldDescriptor f) {
    return f.name() + " " + f.type().type();
  }

  /** The hierarchy's field of variant field {@code f}: the union holds every variant's. */
  private static FieldDescriptor unionField(Map<String, FieldDescriptor> union,
      FieldDescriptor f) {
    return Objects.requireNonNull(union.get(f.name()), "the union holds every variant's fields");
  }

  private static @Nullable TypeElement elementOf(TypeMirror type) {
    return type instanceof DeclaredType d && d.asElement() instanceof TypeElement t ? t : null;
  }
}
