package io.toasty.sql.error;

import io.toasty.error.ForeignKeyViolationException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.schema.db.TableForeignKey;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A violated foreign key that the schema declared ({@link TableSchema#foreignKeys()}, from a
 * checked belongs-to) as a {@link ForeignKeyViolationException} naming the referring model, its
 * key field and the missing key: {@code Post.userId: no User has id = 99}. The key is read from
 * what the statement wrote (or PostgreSQL's detail), never from the database's text, so no other
 * value of the row reaches the message; the driver's error stays the cause. A delete that a
 * {@code RESTRICT} key refuses names the referring model and field the same way. Tested by
 * {@code DialectErrorTranslationTest} and the TCK's {@code ReferentialIntegrityTest}.
 */
final class ForeignKeyErrors {
  /** A declared foreign key and the table that holds it. */
  record Found(TableSchema table, TableForeignKey key) {}

  private final Schema schema;
  private final List<Found> all = new ArrayList<>();

  ForeignKeyErrors(Schema schema) {
    this.schema = schema;
    for (TableSchema table : schema.tables()) {
      for (TableForeignKey key : table.foreignKeys()) {
        all.add(new Found(table, key));
      }
    }
  }

  /** The foreign key called {@code name} (any case), or null. */
  @Nullable Found named(@Nullable String name) {
    if (name == null) {
      return null;
    }
    for (Found f : all) {
      if (f.key.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    return null;
  }

  /** The foreign key whose name the message holds as a whole identifier, or null (H2). */
  @Nullable Found scan(String message) {
    Found found = null;
    for (Found f : all) {
      if (ErrorTranslator.identifier(f.key.name()).matcher(message).find()
          && (found == null || f.key.name().length() > found.key.name().length())) {
        found = f;
      }
    }
    return found;
  }

  /** The foreign key of {@code table} over exactly the named columns, or null. */
  @Nullable Found over(@Nullable TableSchema table, List<String> columns) {
    if (table == null || columns.isEmpty()) {
      return null;
    }
    for (Found f : all) {
      if (f.table == table && names(f).equals(lower(columns))) {
        return f;
      }
    }
    return null;
  }

  /**
   * The one foreign key a statement on {@code written} can have violated when the database does
   * not say which (SQLite): for a delete, the one restricting deletes of {@code written}; for a
   * write, the one of {@code written} whose columns it set to a value. Null when not one.
   */
  @Nullable Found only(@Nullable TableSchema written, boolean delete,
      @Nullable StatementNode statement,
      List<Value> args) {
    if (written == null) {
      return null;
    }
    List<Found> candidates = new ArrayList<>();
    for (Found f : all) {
      boolean fits = delete
          ? f.key.referencedTable().equals(written.name())
              && f.key.onDelete() == TableForeignKey.OnDelete.RESTRICT
          : f.table == written && !written(f, statement, args).isEmpty();
      if (fits) {
        candidates.add(f);
      }
    }
    return candidates.size() == 1 ? candidates.get(0) : null;
  }

  /**
   * The error for {@code f}: a missing referenced record when the statement wrote the referring
   * table, else a delete (or key change) of a record still referred to.
   *
   * @param referred whether the database said the statement changed the referred record
   * @param pgKey    PostgreSQL's detail's key values ({@code 99}), or null
   */
  ForeignKeyViolationException of(Found f, @Nullable TableSchema written, boolean referred,
      @Nullable String pgKey,
      @Nullable StatementNode statement, List<Value> args, Throwable cause) {
    ModelSchema child = schema.model(f.key.model());
    RelationSchema relation = child.relation(f.key.relation());
    String field = fieldNames(child, relation.sourceFields());
    String target = relation.target();
    boolean parentSide = referred || (written != null && written != f.table)
        || statement instanceof DeleteNode;
    if (parentSide) {
      return new ForeignKeyViolationException(child.name(), field, "a " + child.name()
          + " still refers to the " + target + " being deleted or changed (" + onDelete(f)
          + "); nothing was written", cause);
    }
    String key = pgKey != null ? pgKey : describe(written(f, statement, args));
    return new ForeignKeyViolationException(child.name(), field, "no " + target + " has "
        + fieldNames(schema.model(target), relation.targetFields()) + " = " + key
        + "; nothing was written", cause);
  }

  /**
   * One key a write set that may name no record: {@code SELECT count(*) FROM target WHERE
   * referenced = key} tells (SQLite's error does not say which key failed).
   */
  record Probe(Found found, List<Value> key, Query query) {}

  /** The keys {@code statement} wrote to the declared foreign keys of {@code written}. */
  List<Probe> probes(@Nullable TableSchema written, StatementNode statement, List<Value> args) {
    List<Probe> out = new ArrayList<>();
    for (Found f : all) {
      if (f.table != written) {
        continue;
      }
      for (List<Value> key : written(f, statement, args)) {
        List<ExprNode> equal = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
          equal.add(ExprNode.eq(new ExprNode.Column(f.key.referencedTable(),
              f.key.referencedColumns().get(i)), new ExprNode.Const(key.get(i))));
        }
        ExprNode filter = equal.size() == 1 ? equal.get(0) : new ExprNode.And(equal);
        out.add(new Probe(f, key, new Query(new Source.Table(
            f.key.referencedTable()), filter, new Returning.Count(), List.of(),
            null)));
      }
    }
    return out;
  }

  /** The error for the probed key {@code p}, found missing. */
  ForeignKeyViolationException missing(Probe p, @Nullable Throwable cause) {
    ModelSchema child = schema.model(p.found.key.model());
    RelationSchema relation = child.relation(p.found.key.relation());
    return new ForeignKeyViolationException(child.name(),
        fieldNames(child, relation.sourceFields()), "no " + relation.target() + " has "
        + fieldNames(schema.model(relation.target()), relation.targetFields()) + " = "
        + describe(p.key) + "; nothing was written", cause);
  }

  private static String onDelete(Found f) {
    return f.key.onDelete() == TableForeignKey.OnDelete.RESTRICT ? "@BelongsTo.Restrict"
        : "ON DELETE " + f.key.onDelete().name().replace('_', ' ');
  }

  /** The distinct non-null keys the statement writes to {@code f}'s columns. */
  static Set<List<Value>> written(Found f, @Nullable StatementNode statement, List<Value> args) {
    Set<List<Value>> keys = new LinkedHashSet<>();
    if (statement instanceof InsertNode insert) {
      for (ExprNode.Record row : insert.rows()) {
        List<Value> key = new ArrayList<>();
        for (int column : f.key.columns()) {
          int at = insert.columns().indexOf(column);
          key.add(at < 0 || at >= row.fields().size() ? null : valueOf(row.fields().get(at), args));
        }
        addUnlessNull(keys, key);
      }
    } else if (statement instanceof UpdateNode update) {
      List<Value> key = new ArrayList<>();
      for (int column : f.key.columns()) {
        ExprNode value = null;
        for (Assignment a : update.assignments()) {
          value = a.target() == column ? a.value() : value;
        }
        key.add(value == null ? null : valueOf(value, args));
      }
      addUnlessNull(keys, key);
    }
    return keys;
  }

  private static void addUnlessNull(Set<List<Value>> keys, List<Value> key) {
    if (key.stream().noneMatch(v -> v == null || v.toJava() == null)) {
      keys.add(key);
    }
  }

  /** The value {@code e} writes; null for one computed by the database. */
  private static @Nullable Value valueOf(ExprNode e, List<Value> args) {
    return e instanceof ExprNode.Arg a && a.index() < args.size() ? args.get(a.index())
        : e instanceof ExprNode.Const c ? c.value() : null;
  }

  /** The key's values as a message shows them. */
  static String describe(List<Value> key) {
    return describe(Set.of(key));
  }

  private static String describe(Set<List<Value>> keys) {
    List<String> each = new ArrayList<>();
    for (List<Value> key : keys) {
      List<String> parts = key.stream().map(v -> String.valueOf(v.toJava())).toList();
      each.add(parts.size() == 1 ? parts.get(0) : "(" + String.join(", ", parts) + ")");
    }
    if (each.isEmpty()) {
      return "?";
    }
    return each.size() == 1 ? each.get(0) : "one of " + String.join(", ", each);
  }

  private String fieldNames(ModelSchema model, List<Integer> fields) {
    List<String> names = new ArrayList<>();
    fields.forEach(f -> names.add(model.field(f).name()));
    return names.size() == 1 ? names.get(0) : "(" + String.join(", ", names) + ")";
  }

  private static List<String> names(Found f) {
    return f.key.columns().stream().map(c -> f.table.column(c).name().toLowerCase(Locale.ROOT))
        .toList();
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
  }
}
