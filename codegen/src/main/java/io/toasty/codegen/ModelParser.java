package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Column;
import io.toasty.annotations.CreatedAt;
import io.toasty.annotations.Default;
import io.toasty.annotations.Embedded;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.OnUpdate;
import io.toasty.annotations.Sensitive;
import io.toasty.annotations.SoftDelete;
import io.toasty.annotations.TenantId;
import io.toasty.annotations.Table;
import io.toasty.annotations.Unique;
import io.toasty.annotations.UpdatedAt;
import io.toasty.annotations.Version;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.RelationSchema;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@code @Model} element into a {@link ModelDescriptor}, reporting every problem it finds
 * at the element and annotation concerned. A type with any error yields no descriptor, so nothing
 * is written for it; the parser still checks the rest of the type, to report all errors at once.
 */
final class ModelParser {
  private final TypeMapper types;
  private final ErrorReporter errors;
  private final RelationResolver relations;

  ModelParser(TypeMapper types, ErrorReporter errors) {
    this.types = types;
    this.errors = errors;
    this.relations = new RelationResolver(types, errors);
  }

  /** Whether a component's type is not resolved yet (perhaps generated in a later round). */
  static boolean hasUnresolvedTypes(TypeElement type) {
    return type.getRecordComponents().stream().anyMatch(c -> TypeMapper.isUnresolved(c.asType()));
  }

  /** The model of {@code type}, or empty if it has errors (which have been reported). */
  Optional<ModelDescriptor> parse(TypeElement type) {
    int before = errors.errorCount();
    if (!checkRecord(type)) {
      return Optional.empty();
    }
    ClassName entry = ClassName.get(ClassName.get(type).packageName(), entryName(type));
    String table = tableName(type, entry.simpleName());
    List<FieldDescriptor> fields = new ArrayList<>();
    List<RelationDescriptor> relationFields = new ArrayList<>();
    List<EmbeddedDescriptor> embedded = new ArrayList<>();
    List<SealedDescriptor> sealed = new ArrayList<>();
    components(type, fields, relationFields, embedded, sealed);
    GraphRelationships graph = new GraphRelationships(errors);
    graph.checkDataFields(type);
    List<RelationDescriptor> declared = graph.joinModel(type, List.copyOf(relationFields));
    relationFields.clear();
    relationFields.addAll(declared);
    new EagerRelations(errors).check(type);
    new RelationIntegrity(errors).check(type);
    new RelationLimits(errors).checkDataFields(type);
    checkKey(type);
    checkColumns(type, fields);
    checkAuto(type);
    checkOnlyOne(type, Version.class);
    checkOnlyOne(type, TenantId.class);
    checkOnlyOne(type, SoftDelete.class);
    List<IndexDescriptor> indexes = indexes(type, table, fields);
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new ModelDescriptor(ClassName.get(type), type.getQualifiedName().toString(),
        entry, table, fields, indexes, finders(type, fields, embedded), relationFields, embedded,
        sealed, type.getAnnotation(Model.class).changes(), DeclaredNamesCode.read(type, fields)));
  }

  private boolean checkRecord(TypeElement type) {
    String name = type.getSimpleName().toString();
    if (type.getKind() != ElementKind.RECORD) {
      errors.error(type, mirror(type, Model.class),
          "@Model must annotate a record, but " + name + " is " + describe(type.getKind()));
      return false;
    }
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        errors.error(type, name + ": a @Model record must not be private, nor nested in a"
            + " private class (the generated classes could not reach it)");
        break;
      }
    }
    if (!type.getTypeParameters().isEmpty()) {
      errors.error(type, name + ": a @Model record cannot have type parameters");
    }
    return true;
  }

  private String entryName(TypeElement type) {
    String name = type.getSimpleName().toString();
    String entry = type.getAnnotation(Model.class).entry();
    if (entry.isEmpty()) {
      return Naming.plural(name);
    }
    if (!SourceVersion.isIdentifier(entry) || SourceVersion.isKeyword(entry)
        || entry.equals(name)) {
      errors.error(type, mirror(type, Model.class), name + ": @Model(entry = \"" + entry
          + "\") must be a class name other than the record's");
      return Naming.plural(name);
    }
    return entry;
  }

  private String tableName(TypeElement type, String entry) {
    Table table = type.getAnnotation(Table.class);
    if (table == null) {
      return Naming.snakeCase(entry);
    }
    if (table.value().isBlank()) {
      errors.error(type, mirror(type, Table.class), type.getSimpleName() + ": @Table needs a name");
    }
    return table.value();
  }

  /**
   * Reads the data fields and the relation fields, numbered apart; an embedded record's fields
   * are data fields, numbered where the record is.
   */
  private void components(TypeElement type, List<FieldDescriptor> fields,
      List<RelationDescriptor> relationFields, List<EmbeddedDescriptor> embedded,
      List<SealedDescriptor> sealed) {
    List<? extends RecordComponentElement> components = type.getRecordComponents();
    List<String> constants = Naming.constantNames(
        components.stream().map(c -> c.getSimpleName().toString()).toList());
    int data = 0;
    int related = 0;
    for (int i = 0; i < components.size(); i++) {
      RecordComponentElement c = components.get(i);
      if (RelationResolver.kindOf(c.asType()).isPresent()) {
        checkRelationAnnotations(type, c);
        relations.resolve(type, c, related++, constants.get(i), i)
            .map(r -> r.withEager(EagerRelations.isEager(c)))
            .map(r -> r.kind() == RelationSchema.Kind.BELONGS_TO
                ? r.withIntegrity(RelationIntegrity.of(c)) : r)
            .map(r -> r.withGraph(new GraphRelationships(errors).of(type, c, r)))
            .map(r -> r.withMax(new RelationLimits(errors).limit(type, c, r)))
            .ifPresent(relationFields::add);
      } else if (EmbeddedParser.isEmbedded(c)
          && c.getAnnotation(io.toasty.annotations.Json.class) == null) {
        int first = data;
        data += EmbeddedParser.width(c);
        new EmbeddedParser(types, errors).parse(type, c, first, constants.get(i), i, fields)
            .ifPresent(embedded::add);
      } else if (SealedParser.isSealedField(c)
          && c.getAnnotation(io.toasty.annotations.Json.class) == null) {
        int first = data;
        data += SealedParser.width(c);
        new SealedParser(types, errors).parse(type, c, first, constants.get(i), i, fields)
            .ifPresent(sealed::add);
      } else {
        field(type, c, data++, constants.get(i), i).ifPresent(fields::add);
      }
    }
  }

  /** Column annotations mean nothing on a relation field, which has no column. */
  private void checkRelationAnnotations(TypeElement type, RecordComponentElement c) {
    for (Class<? extends Annotation> a : List.of(Key.class, Auto.class, Column.class,
        Default.class, Index.class, Unique.class, Version.class, CreatedAt.class,
        UpdatedAt.class, OnUpdate.class, io.toasty.annotations.Json.class, TenantId.class,
        SoftDelete.class)) {
      if (c.getAnnotation(a) != null) {
        errors.error(c, mirror(c, a), where(type, c) + ": @" + a.getSimpleName()
            + " does not apply to a relation field, which is no column");
      }
    }
  }

  /** Annotations that mean nothing on a collection field. */
  private static final List<Class<? extends Annotation>> NOT_ON_COLLECTION = List.of(Key.class,
      Auto.class, Default.class, Index.class, Unique.class, Version.class, CreatedAt.class,
      UpdatedAt.class, OnUpdate.class, Sensitive.class, TenantId.class, SoftDelete.class);

  /** A {@code List}, {@code Set} or {@code Map} field of scalars; misfits are compile errors. */
  private Optional<FieldDescriptor> collectionField(TypeElement model,
      RecordComponentElement component, int index, String constant, int position) {
    String where = where(model, component);
    String misfit = TypeMapper.collectionMisfit(component.asType());
    if (misfit != null) {
      errors.error(component, where + ": " + misfit);
      return Optional.empty();
    }
    for (Class<? extends Annotation> a : NOT_ON_COLLECTION) {
      if (component.getAnnotation(a) != null) {
        errors.error(component, mirror(component, a), where + ": @" + a.getSimpleName()
            + " does not apply to a collection field (a collection is no key, index or"
            + " generated value)");
      }
    }
    return types.mapCollection(component.asType()).map(type -> new FieldDescriptor(index,
        component.getSimpleName().toString(), constant, column(where, component), type, false,
        null, null, position, null, null, false, renamedFrom(component)));
  }

  /** Annotations that mean nothing on a JSON document's field. */
  private static final List<Class<? extends Annotation>> NOT_ON_JSON = List.of(Key.class,
      Auto.class, Default.class, Index.class, Unique.class, Version.class, CreatedAt.class,
      UpdatedAt.class, OnUpdate.class, Embedded.class, TenantId.class, SoftDelete.class);

  private Optional<FieldDescriptor> jsonField(TypeElement model, RecordComponentElement component,
      int index, String constant, int position) {
    String where = where(model, component);
    AnnotationMirror json = mirror(component, io.toasty.annotations.Json.class);
    Optional<FieldType> document = Optional.empty();
    String misfit = null;
    if (SealedParser.isSealedDocument(component)) {
      document = new SealedParser(types, errors).document(model, component);
      misfit = document.isEmpty() ? "" : null;
    } else {
      misfit = TypeMapper.jsonMisfit(component.asType());
      if (misfit != null) {
        errors.error(component, json, where + ": " + misfit);
      }
    }
    for (Class<? extends Annotation> a : NOT_ON_JSON) {
      if (component.getAnnotation(a) != null) {
        errors.error(component, mirror(component, a), where + ": @" + a.getSimpleName()
            + " does not apply to a @Json field (a document is no key, index or generated"
            + " value)");
        misfit = "";
      }
    }
    if (misfit != null) {
      return Optional.empty();
    }
    Optional<FieldType> mapped = document.isPresent() ? document
        : types.mapJson(component.asType());
    return mapped.map(type -> new FieldDescriptor(index,
        component.getSimpleName().toString(), constant, column(where, component), type, false,
        null, null, position, null, null,
        component.getAnnotation(Sensitive.class) != null));
  }

  private Optional<FieldDescriptor> field(TypeElement model, RecordComponentElement component,
      int index, String constant, int position) {
    if (component.getAnnotation(io.toasty.annotations.Json.class) != null) {
      return jsonField(model, component, index, constant, position);
    }
    String where = where(model, component);
    if (DeferredTypes.isDeferred(component.asType())) {
      String misfit = DeferredTypes.misfit(component.asType(),
          component.getAnnotation(Key.class) != null);
      if (misfit != null) {
        errors.error(component, where + ": " + misfit);
        return Optional.empty();
      }
    }
    if (TypeMapper.collectionKind(component.asType()) != null) {
      return collectionField(model, component, index, constant, position);
    }
    Optional<FieldType> type = types.map(component.asType());
    if (type.isEmpty()) {
      errors.error(component, where + ": unsupported field type " + component.asType()
          + "; use " + TypeMapper.SUPPORTED + EmbeddedParser.hint(component.asType()));
      return Optional.empty();
    }
    boolean key = component.getAnnotation(Key.class) != null;
    if (key && type.get().optional()) {
      errors.error(component, mirror(component, Key.class),
          where + ": a @Key field cannot be Optional");
    }
    AutoStrategy auto = auto(where, component, type.get());
    GeneratedValues.Generation generated = new GeneratedValues(errors).read(where, component,
        type.get(), auto != null);
    Default declared = component.getAnnotation(Default.class);
    CodeBlock defaultValue = declared != null
        && GeneratedValues.isExpression(type.get(), declared.value()) ? null
        : defaultValue(where, component, type.get());
    if (auto != null && (defaultValue != null || generated.onCreate() != null)) {
      errors.error(component, mirror(component, Default.class),
          where + ": an @Auto field cannot also have a @Default");
    }
    if (component.getAnnotation(Version.class) != null) {
      checkVersion(where, component, type.get(), key, auto, defaultValue);
      auto = AutoStrategy.VERSION;
    }
    if (component.getAnnotation(TenantId.class) != null) {
      checkTenant(where, component, type.get(), auto, defaultValue);
      auto = AutoStrategy.TENANT;
    }
    if (component.getAnnotation(SoftDelete.class) != null) {
      checkSoftDelete(where, component, type.get(), auto, defaultValue, key);
      auto = AutoStrategy.SOFT_DELETE;
    }
    auto = auto != null ? auto : generated.onCreate();
    return Optional.of(new FieldDescriptor(index, component.getSimpleName().toString(), constant,
        column(where, component), type.get(), key, auto, defaultValue, position,
        generated.onUpdate(), null, type.get().sensitive()
        || component.getAnnotation(Sensitive.class) != null,
        renamedFrom(component)));
  }

  private @Nullable AutoStrategy auto(String where, RecordComponentElement component,
      FieldType type) {
    Auto auto = component.getAnnotation(Auto.class);
    if (auto == null) {
      return null;
    }
    boolean integer = !type.optional()
        && (type.kind() == FieldKind.INT || type.kind() == FieldKind.LONG);
    boolean uuid = !type.optional() && type.kind() == FieldKind.UUID;
    AutoStrategy strategy = switch (auto.value()) {
      case DEFAULT -> integer ? AutoStrategy.IDENTITY
          : uuid ? AutoStrategy.UUID_V7 : null;
      case IDENTITY -> integer ? AutoStrategy.IDENTITY : null;
      case UUID_V4 -> uuid ? AutoStrategy.UUID_V4 : null;
      case UUID_V7 -> uuid ? AutoStrategy.UUID_V7 : null;
    };
    if (strategy == null) {
      errors.error(component, mirror(component, Auto.class), where + ": " + autoMisfit(auto.value())
          + ", not " + component.asType());
    }
    return strategy;
  }

  private static String autoMisfit(Auto.Strategy strategy) {
    return switch (strategy) {
      case DEFAULT -> "@Auto can only generate an int or long (identity) or a UUID";
      case IDENTITY -> "@Auto(IDENTITY) needs an int or long field";
      default -> "@Auto(" + strategy + ") needs a UUID field";
    };
  }

  private @Nullable CodeBlock defaultValue(String where, RecordComponentElement component,
      FieldType type) {
    Default literal = component.getAnnotation(Default.class);
    if (literal == null) {
      return null;
    }
    try {
      return DefaultCode.parse(type, literal.value());
    } catch (IllegalArgumentException e) {
      errors.error(component, mirror(component, Default.class),
          where + ": @Default(\"" + literal.value() + "\") " + e.getMessage());
      return null;
    }
  }

  private String column(String where, RecordComponentElement component) {
    Column column = component.getAnnotation(Column.class);
    if (column == null) {
      return Naming.snakeCase(component.getSimpleName().toString());
    }
    if (column.value().isEmpty() && !column.renamedFrom().isBlank()) {
      return Naming.snakeCase(component.getSimpleName().toString());
    }
    if (column.value().isBlank()) {
      errors.error(component, mirror(component, Column.class), where + ": @Column needs a name");
    }
    return column.value();
  }

  /** The column's previous name from {@code @Column(renamedFrom = ..)}, or null. */
  private static @Nullable String renamedFrom(RecordComponentElement component) {
    Column column = component.getAnnotation(Column.class);
    return column == null || column.renamedFrom().isBlank() ? null : column.renamedFrom();
  }

  private void checkKey(TypeElement type) {
    // Read from the components, not the parsed fields: a key field whose type failed to parse
    // must not also cause a "no key" error.
    if (type.getRecordComponents().stream().noneMatch(c -> c.getAnnotation(Key.class) != null)) {
      errors.error(type, type.getSimpleName() + ": a model needs at least one @Key field");
    }
  }

  private void checkColumns(TypeElement type, List<FieldDescriptor> fields) {
    Map<String, FieldDescriptor> byColumn = new HashMap<>();
    for (FieldDescriptor f : fields) {
      FieldDescriptor other = byColumn.putIfAbsent(f.column(), f);
      if (other != null && f.embedded()) {
        RecordComponentElement component = type.getRecordComponents().stream()
            .filter(c -> c.getSimpleName().contentEquals(f.name().split("\\.")[0]))
            .findFirst().orElseThrow();
        errors.error(component, type.getSimpleName() + "." + f.name() + ": column \""
            + f.column() + "\" is already the column of field " + other.name());
      } else if (other != null) {
        RecordComponentElement component = component(type, f);
        errors.error(component, mirror(component, Column.class), where(type, component)
            + ": column \"" + f.column() + "\" is already the column of field " + other.name());
      }
    }
  }

  /** A {@code @Version} field: an int or long, not a key, generated, or defaulted. */
  private void checkVersion(String where, RecordComponentElement c, FieldType type, boolean key,
      @Nullable AutoStrategy auto, @Nullable CodeBlock defaultValue) {
    AnnotationMirror at = mirror(c, Version.class);
    if (type.optional() || type.kind() != FieldKind.INT && type.kind() != FieldKind.LONG) {
      errors.error(c, at, where + ": @Version needs an int or long field, not " + c.asType());
    } else if (key) {
      errors.error(c, at, where + ": a @Key field cannot be the @Version");
    } else if (auto != null) {
      errors.error(c, at, where + ": an @Auto field cannot be the @Version");
    } else if (defaultValue != null) {
      errors.error(c, at, where + ": a @Version field starts at 1; it takes no @Default");
    }
  }

  /** A {@code @SoftDelete} marker: an {@code Optional<Instant>} or a {@code boolean}, plain. */
  private void checkSoftDelete(String where, RecordComponentElement c, FieldType type,
      @Nullable AutoStrategy auto, @Nullable CodeBlock defaultValue, boolean key) {
    AnnotationMirror at = mirror(c, SoftDelete.class);
    boolean fits = type.optional() ? type.kind() == FieldKind.INSTANT
        : type.kind() == FieldKind.BOOLEAN;
    if (!fits || type.sensitive()) {
      errors.error(c, at, where + ": @SoftDelete needs an Optional<Instant> or boolean field, "
          + "not " + c.asType());
    } else if (key || auto != null || defaultValue != null) {
      errors.error(c, at, where + ": the @SoftDelete marker is set by deletes; it takes no "
          + "@Key, @Auto, @Default, @Version or @TenantId");
    }
  }

  /** A {@code @TenantId} field: a String, long or UUID, not generated, defaulted or Optional. */
  private void checkTenant(String where, RecordComponentElement c, FieldType type,
      @Nullable AutoStrategy auto, @Nullable CodeBlock defaultValue) {
    AnnotationMirror at = mirror(c, TenantId.class);
    boolean fits = !type.optional() && (type.kind() == FieldKind.STRING
        || type.kind() == FieldKind.LONG || type.kind() == FieldKind.UUID);
    if (!fits || type.sensitive()) {
      errors.error(c, at, where + ": @TenantId needs a String, long or UUID field, not "
          + c.asType());
    } else if (auto != null || defaultValue != null || c.getAnnotation(Version.class) != null) {
      errors.error(c, at, where + ": the @TenantId is stamped from the Context; it takes no "
          + "@Auto, @Default or @Version");
    }
  }

  /** At most one field of {@code type} carries {@code annotation} ({@code @Version}, ...). */
  private void checkOnlyOne(TypeElement type, Class<? extends Annotation> annotation) {
    String first = null;
    for (RecordComponentElement c : type.getRecordComponents()) {
      if (c.getAnnotation(annotation) == null) {
        continue;
      }
      if (first != null) {
        errors.error(c, mirror(c, annotation), where(type, c) + ": only one field may be @"
            + annotation.getSimpleName() + ", and " + first + " already is");
      }
      first = first == null ? c.getSimpleName().toString() : first;
    }
  }

  private void checkAuto(TypeElement type) {
    String first = null;
    for (RecordComponentElement c : type.getRecordComponents()) {
      if (c.getAnnotation(Auto.class) == null) {
        continue;
      }
      if (first != null) {
        errors.error(c, mirror(c, Auto.class),
            where(type, c) + ": only one field may be @Auto, and " + first + " already is");
      }
      first = first == null ? c.getSimpleName().toString() : first;
    }
  }

  private List<IndexDescriptor> indexes(TypeElement type, String table,
      List<FieldDescriptor> fields) {
    List<IndexDescriptor> indexes = new ArrayList<>();
    Map<String, String> owners = new HashMap<>();
    for (FieldDescriptor f : fields.stream().filter(f -> !f.embedded()).toList()) {
      RecordComponentElement c = component(type, f);
      Optional<IndexDescriptor> index = index(type, table, f, c, fields);
      if (index.isEmpty()) {
        continue;
      }
      String owner = owners.putIfAbsent(index.get().name(), f.name());
      if (owner != null) {
        errors.error(c, mirror(c, Index.class), where(type, c) + ": index name \""
            + index.get().name() + "\" is already the name of the index on " + owner);
      }
      indexes.add(index.get());
    }
    return indexes;
  }

  private Optional<IndexDescriptor> index(TypeElement type, String table, FieldDescriptor f,
      RecordComponentElement c, List<FieldDescriptor> fields) {
    Index index = c.getAnnotation(Index.class);
    boolean unique = c.getAnnotation(Unique.class) != null;
    if (unique && index != null) {
      errors.error(c, mirror(c, Index.class),
          where(type, c) + ": a field is either @Unique or @Index, not both");
    }
    if (unique) {
      return Optional.of(new IndexDescriptor(table + "_" + f.column() + "_key", f.index(), true));
    }
    if (index != null) {
      String name = index.name().isEmpty() ? table + "_" + f.column() + "_idx" : index.name();
      return Optional.of(new IndexDescriptor(name, f.index(), false,
          sortBy(type, c, f, index.sortBy(), fields)));
    }
    return Optional.empty();
  }

  /**
   * The field index of {@code @Index(sortBy = name)}, -1 for none; an error unless it names
   * another required, plainly stored field of the model (DynamoDB leaves an item without its
   * index sort key out of the index, so a nullable one would hide records).
   */
  private int sortBy(TypeElement type, RecordComponentElement c, FieldDescriptor f, String name,
      List<FieldDescriptor> fields) {
    if (name.isEmpty()) {
      return -1;
    }
    Optional<FieldDescriptor> sort = fields.stream()
        .filter(s -> !s.embedded() && s.name().equals(name)).findFirst();
    String problem = sort.isEmpty() ? "names no field of the model"
        : sort.get() == f ? "names the indexed field itself"
        : sort.get().nullable() ? "names an optional field; the sort field must be required"
        : sort.get().type().kind() == FieldKind.JSON ? "names a JSON document"
        : sort.get().type().kind().isCollection() ? "names a collection" : null;
    if (problem != null) {
      errors.error(c, mirror(c, Index.class), where(type, c) + ": @Index(sortBy = \"" + name
          + "\") " + problem);
      return -1;
    }
    return sort.get().index();
  }

  /** The key's finder, then one per unique or indexed field, without repeating a field set. */
  private static List<FinderDescriptor> finders(TypeElement type, List<FieldDescriptor> fields,
      List<EmbeddedDescriptor> embedded) {
    Set<List<FieldDescriptor>> seen = new LinkedHashSet<>();
    List<FinderDescriptor> finders = new ArrayList<>();
    List<FieldDescriptor> key = fields.stream().filter(FieldDescriptor::key).toList();
    seen.add(key);
    // an embedded key record's finders take the record whole: getById(db, OrderLineId id)
    finders.add(new FinderDescriptor(key, true,
        embedded.stream().filter(e -> e.leaves().get(0).key()).toList()));
    for (FieldDescriptor f : fields.stream().filter(f -> !f.embedded()).toList()) {
      RecordComponentElement c = component(type, f);
      boolean unique = c.getAnnotation(Unique.class) != null;
      if ((unique || c.getAnnotation(Index.class) != null) && seen.add(List.of(f))) {
        finders.add(new FinderDescriptor(List.of(f), unique));
      }
    }
    return finders;
  }

  private static RecordComponentElement component(TypeElement type, FieldDescriptor field) {
    return type.getRecordComponents().get(field.component());
  }

  private static String where(TypeElement type, RecordComponentElement component) {
    return type.getSimpleName() + "." + component.getSimpleName();
  }

  private static String describe(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation interface";
      default -> "a " + kind.name().toLowerCase(Locale.ROOT);
    };
  }

  /** The annotation of type {@code annotation} on {@code element}, or {@code null}. */
  static @Nullable AnnotationMirror mirror(Element element,
      Class<? extends Annotation> annotation) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(annotation.getCanonicalName())) {
        return m;
      }
    }
    return null;
  }
}
