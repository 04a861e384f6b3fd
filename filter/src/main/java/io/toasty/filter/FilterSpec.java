package io.toasty.filter;

import io.toasty.ModelDef;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a request may filter and sort on: a model, the fields the caller allows, and the relations
 * it allows with their own allow-lists. Nothing is allowed until named, so a field added to the
 * model later is not exposed by accident. Immutable: each method returns a new spec.
 *
 * <pre>{@code
 * FilterSpec spec = FilterSpec.of(Authors.MODEL).allow("name")
 *     .allowRelation("articles", FilterSpec.of(Articles.MODEL).allow("title", "votes"));
 * }</pre>
 */
public final class FilterSpec {
  private final ModelSchema model;
  private final Set<String> fields;
  private final Map<String, FilterSpec> relations;

  private FilterSpec(ModelSchema model, Set<String> fields, Map<String, FilterSpec> relations) {
    this.model = model;
    this.fields = Set.copyOf(fields);
    this.relations = Map.copyOf(relations);
  }

  /** A spec of {@code model} that allows nothing yet. */
  public static FilterSpec of(ModelDef<?> model) {
    return new FilterSpec(Objects.requireNonNull(model, "model").schema(), Set.of(), Map.of());
  }

  /**
   * This spec with the data fields {@code names} (record component names) allowed in filters
   * and sorts.
   *
   * @throws IllegalArgumentException if the model has no such data field
   */
  public FilterSpec allow(String... names) {
    Set<String> all = new LinkedHashSet<>(fields);
    for (String name : names) {
      if (!hasField(Objects.requireNonNull(name, "name"))) {
        throw new IllegalArgumentException(model.name() + " has no data field '" + name + "'");
      }
      all.add(name);
    }
    return new FilterSpec(model, all, relations);
  }

  /**
   * This spec with the relation {@code name} allowed in filters, its records filtered as
   * {@code target} allows.
   *
   * @throws IllegalArgumentException if the model has no such relation, or it leads to another
   *     model than {@code target}'s
   */
  public FilterSpec allowRelation(String name, FilterSpec target) {
    Objects.requireNonNull(name, "name");
    RelationSchema r = model.relations().stream().filter(x -> x.name().equals(name)).findFirst()
        .orElse(null);
    if (r == null) {
      throw new IllegalArgumentException(model.name() + " has no relation '" + name + "'");
    }
    if (!r.target().equals(target.model.name())) {
      throw new IllegalArgumentException(model.name() + "." + name + " leads to " + r.target()
          + ", not " + target.model.name());
    }
    Map<String, FilterSpec> all = new LinkedHashMap<>(relations);
    all.put(name, target);
    return new FilterSpec(model, fields, all);
  }

  private boolean hasField(String name) {
    return model.fields().stream().anyMatch(f -> f.name().equals(name));
  }

  /** The model. */
  public ModelSchema model() {
    return model;
  }

  /** The allowed data field called {@code name}, or null. */
  @Nullable FieldSchema field(String name) {
    return fields.contains(name) ? model.field(name) : null;
  }

  /** The allowed relation called {@code name}, or null. */
  @Nullable RelationSchema relation(String name) {
    return relations.containsKey(name) ? model.relation(name) : null;
  }

  /** The spec of the allowed relation {@code name}'s records. */
  @Nullable FilterSpec target(String name) {
    return relations.get(name);
  }

  /** The allowed data fields' names. */
  public Set<String> allowedFields() {
    return fields;
  }
}
