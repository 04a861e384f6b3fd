package io.toasty.neo4j.cypher;

import io.toasty.schema.JoinModels;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.schema.app.RelationSchema.GraphEdge;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which foreign keys are relationships in the graph. Each {@code BelongsTo} relation (and so the
 * {@code HasMany}/{@code HasOne} that pairs with it) is one directed relationship type, by
 * default from the node holding the foreign key to the node it refers to, named after the
 * {@code BelongsTo} field in upper snake case ({@code Article.author} is
 * {@code (:Article)-[:AUTHOR]->(:Author)}); a {@code @Relationship} on either side names the
 * type and direction ({@link RelationSchema.GraphEdge}). The foreign key's columns are no
 * properties: a read takes them from the node at the relationship's other end.
 *
 * <p>A foreign key column that is also part of its table's key or of a unique index stays a
 * property as well (the uniqueness constraint is on properties), beside the relationship; so does
 * one that two relations share.
 *
 * <p>A many-to-many join model ({@link JoinModels}) is no node at all: each record is one
 * relationship between the nodes its two foreign keys refer to ({@link #edge}), its other
 * columns the relationship's properties.
 */
public final class Relationships {
  /**
   * The text a write to a missing target makes Cypher fail with ({@code date()} of it cannot be
   * parsed, and the message repeats it), followed by {@code :model:field} of the foreign key:
   * Cypher has no way to raise an error of its own.
   */
  public static final String MISSING_TARGET = "toasty-missing-target";

  /**
   * The text a delete of a node that a checked key still refers to fails with, as
   * {@link #MISSING_TARGET}: followed by {@code :model:field} of the referring key.
   */
  public static final String STILL_REFERRED = "toasty-still-referred";

  /**
   * One foreign key as a relationship.
   *
   * @param table         the table of the nodes that hold it
   * @param model         the model of those nodes, and {@code field}, the first foreign key field,
   *                      for errors
   * @param type          the relationship type, unquoted
   * @param target        the table of the nodes it refers to
   * @param columns       the foreign key's columns on {@code table}
   * @param targetColumns the referenced columns on {@code target}, in the same order
   * @param stored        whether the columns are kept as properties too
   * @param reversed      whether the relationship points from the referred node to the node
   *                      holding the key ({@code @Relationship}), rather than away from it
   */
  public record Link(String table, String model, String field, String type, String target,
      List<Integer> columns, List<Integer> targetColumns, boolean stored, boolean reversed) {
    public Link {
      columns = List.copyOf(columns);
      targetColumns = List.copyOf(targetColumns);
    }

    /**
     * What a pattern remembers this link by: its model and field, unique where two links may
     * share a type.
     */
    public String key() {
      return model + "." + field;
    }

    /**
     * Appends {@code -[v:`TYPE`]->}, or {@code <-[v:`TYPE`]-} for a reversed link: the
     * relationship as written after the node holding the key and before the referred one
     * ({@code variable} empty for none).
     */
    public void arrow(StringBuilder out, String variable) {
      out.append(reversed ? "<-[" : "-[").append(variable).append(':');
      Names.quote(out, type);
      out.append(reversed ? "]-" : "]->");
    }

    /** The position of {@code column} in the foreign key, or -1. */
    public int position(int column) {
      return columns.indexOf(column);
    }
  }

  /**
   * A join model stored as one relationship ({@link #edge}): from the node its first
   * {@code BelongsTo} refers to ({@code start}) to the node its second refers to ({@code end}).
   * The relationship's type is the name the model's label would have, so that it carries the
   * label prefix (its uniqueness constraints are on the type) and a constraint's failure names
   * the model as a node label's does.
   *
   * @param table the join model's table
   * @param start the link whose referenced node the relationship starts at
   * @param end   the link whose referenced node it ends at
   */
  public record Edge(String table, Link start, Link end) {
    /** {@code start} or {@code end}: the link of {@code column}, or null. */
    public @Nullable Link linkOf(int column) {
      return start.position(column) >= 0 ? start : end.position(column) >= 0 ? end : null;
    }
  }

  private final Map<String, List<Link>> byTable = new HashMap<>();
  private final Map<String, Edge> edges = new HashMap<>();

  /** The relationships of {@code schema}'s {@code BelongsTo} relations. */
  public Relationships(Schema schema) {
    Map<String, List<Link>> found = new HashMap<>();
    for (ModelSchema model : schema.models()) {
      for (RelationSchema r : model.relations()) {
        // An unchecked key may name no node: it stays a property, which nothing checks.
        if (r.isBelongsTo() && r.isChecked() && !r.isMultiStep() && schema.hasModel(r.target())) {
          link(schema, model, r, found);
        }
      }
    }
    found.forEach((table, links) -> byTable.put(table, stored(schema.table(table), links)));
    for (ModelSchema model : schema.models()) {
      if (JoinModels.isEdge(schema, model)) {
        List<Link> links = of(schema.mapping(model.name()).table());
        if (links.size() == 2) {
          boolean incoming = JoinModels.declared(model).map(GraphEdge::incoming).orElse(false);
          Link start = links.get(incoming ? 1 : 0);
          Link end = links.get(incoming ? 0 : 1);
          edges.put(start.table(), new Edge(start.table(), start, end));
        }
      }
    }
  }

  private static void link(Schema schema, ModelSchema model, RelationSchema r,
      Map<String, List<Link>> found) {
    var mapping = schema.mapping(model.name());
    var targetMapping = schema.mapping(r.target());
    List<Integer> columns = new ArrayList<>();
    List<Integer> targetColumns = new ArrayList<>();
    for (int i = 0; i < r.sourceFields().size(); i++) {
      int column = mapping.columnOf(r.sourceFields().get(i));
      int targetColumn = targetMapping.columnOf(r.targetFields().get(i));
      if (column < 0 || targetColumn < 0) {
        return; // a key spread over several columns: kept as properties
      }
      columns.add(column);
      targetColumns.add(targetColumn);
    }
    GraphEdge declared = declared(schema, model, r);
    String type = declared == null || declared.type().isEmpty() ? typeName(r.name())
        : declared.type();
    found.computeIfAbsent(mapping.table(), t -> new ArrayList<>()).add(new Link(mapping.table(),
        model.name(), model.field(r.sourceFields().get(0)).name(), type,
        targetMapping.table(), columns, targetColumns, false,
        declared != null && declared.incoming()));
  }

  /**
   * The relationship declared for belongs-to {@code r} of {@code model}, seen from {@code model}
   * (incoming: pointing at it): on {@code r} itself, else on the has-many or has-one of the
   * target that pairs with it, turned around; or null.
   */
  private static @Nullable GraphEdge declared(Schema schema, ModelSchema model, RelationSchema r) {
    if (r.graph() != null && !r.graph().joinModel()) {
      return r.graph();
    }
    for (RelationSchema other : schema.model(r.target()).relations()) {
      if (!other.isBelongsTo() && other.graph() != null && other.target().equals(model.name())
          && other.pair().equals(r.name())) {
        return new GraphEdge(other.graph().type(), !other.graph().incoming(), false);
      }
    }
    return null;
  }

  /** The links with {@code stored} set where a column must stay a property. */
  private static List<Link> stored(TableSchema table, List<Link> links) {
    Set<Integer> keep = new HashSet<>(table.primaryKey());
    for (TableIndex index : table.indexes()) {
      if (index.unique()) {
        keep.addAll(index.columns());
      }
    }
    Set<Integer> seen = new HashSet<>();
    for (Link l : links) {
      for (int c : l.columns()) {
        if (!seen.add(c)) {
          keep.add(c);
        }
      }
    }
    List<Link> out = new ArrayList<>();
    for (Link l : links) {
      boolean stored = l.columns().stream().anyMatch(keep::contains);
      out.add(new Link(l.table(), l.model(), l.field(), l.type(), l.target(), l.columns(),
          l.targetColumns(), stored, l.reversed()));
    }
    return List.copyOf(out);
  }

  /** {@code parentComment} as {@code PARENT_COMMENT}. */
  static String typeName(String relation) {
    StringBuilder out = new StringBuilder(relation.length() + 4);
    for (int i = 0; i < relation.length(); i++) {
      char c = relation.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        out.append('_');
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /** The relationships whose foreign keys {@code table}'s nodes hold. */
  public List<Link> of(String table) {
    return byTable.getOrDefault(table, List.of());
  }

  /** The relationships that refer to {@code table}'s nodes (a join model's edges excepted). */
  public List<Link> referring(String table) {
    List<Link> out = new ArrayList<>();
    byTable.forEach((from, links) -> links.stream()
        .filter(l -> l.target().equals(table) && edges.get(from) == null).forEach(out::add));
    out.sort(Comparator.comparing(Link::model).thenComparing(Link::field));
    return out;
  }

  /** The join model stored as a relationship whose table is {@code table}, or null. */
  public @Nullable Edge edge(String table) {
    return edges.get(table);
  }

  /** The link whose foreign key {@code column} of {@code table} is, if it is no property. */
  public @Nullable Link virtual(String table, int column) {
    for (Link l : of(table)) {
      if (!l.stored() && l.position(column) >= 0) {
        return l;
      }
    }
    return null;
  }
}
