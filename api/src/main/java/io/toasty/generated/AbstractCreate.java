package io.toasty.generated;

import io.toasty.Create;
import io.toasty.Executor;
import io.toasty.Insert;
import io.toasty.ModelDef;
import io.toasty.Path;
import io.toasty.RelationPath;
import io.toasty.error.InvalidStatementException;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The implementation behind every {@link Create}. The builder is mutable; {@link #exec} takes a
 * snapshot of it, so one builder may be changed and executed again.
 */
public abstract class AbstractCreate<M, S extends AbstractCreate<M, S>> implements Create<M> {
  private final ModelDef<M> model;
  private final ExprNode[] values;
  /** Per data field, the relation scope that set it and locks it, or null. */
  private final String[] scopedBy;
  /** Per data field, whether it was copied from a whole record (a variant's create). */
  private final boolean[] fromRecord;

  protected AbstractCreate(ModelDef<M> model) {
    this.model = Objects.requireNonNull(model, "model");
    this.values = new ExprNode[model.schema().fields().size()
        + model.schema().relations().size()];
    this.scopedBy = new String[model.schema().fields().size()];
    this.fromRecord = new boolean[model.schema().fields().size()];
    Arrays.fill(values, new ExprNode.Default());
  }

  /** This builder, as its concrete type. */
  @SuppressWarnings("unchecked")
  protected final S self() {
    return (S) this;
  }

  /** Sets a field to a value. */
  public final <T> S set(Path<T> field, @Nullable T value) {
    checkAlone(model.name(), field);
    return setInner(field, value);
  }

  /**
   * Sets a field to a value copied from a whole record: a create built from one (a variant of a
   * polymorphic model) calls this. Nested under a parent that fills the field (its foreign key),
   * the parent's value replaces it, where a value set by hand would be an error.
   */
  protected final <T> S setFromRecord(Path<T> field, T value) {
    setInner(field, value);
    fromRecord[field.index()] = true;
    return self();
  }

  /** This create's row, nested under a parent that fills {@code fields}. */
  private ExprNode.Record rowUnder(List<Integer> fields) {
    ExprNode[] row = values.clone();
    for (int f : fields) {
      if (fromRecord[f]) {
        row[f] = new ExprNode.Default();
      }
    }
    return new ExprNode.Record(List.of(row));
  }

  /**
   * Sets a field to a value, a field inside an {@code Optional} embedded record too: generated
   * setters of a whole embedded value call this for each of its fields.
   */
  protected final <T> S setInner(Path<T> field, @Nullable T value) {
    int index = checkField(field);
    if (scopedBy[index] != null) {
      throw new InvalidStatementException(model.name(), field.name(), "is set by the relation "
          + scopedBy[index] + " this create is scoped to");
    }
    values[index] = new ExprNode.Const(field.toValue(value));
    return self();
  }

  /**
   * Creates the related records with this one, in the same statement and atomically (a nested
   * create): for a has-many or has-one relation, the children, whose foreign key is set to the
   * new record's key; for a belongs-to relation, the one parent, created first, whose key fills
   * this record's foreign key; for a many-to-many relation, the targets, each with a join record
   * that links it to the new record. Generated setters ({@code posts(PostCreate...)},
   * {@code author(UserCreate)}) call this.
   */
  protected final S setRelated(RelationPath<M, ?> relation, List<? extends Create<?>> creates) {
    RelationSchema r = relation(relation);
    Objects.requireNonNull(creates, "creates");
    if (creates.isEmpty()) {
      values[model.schema().fields().size() + r.index()] = new ExprNode.Default();
      return self();
    }
    if (!r.isMany() && creates.size() > 1) {
      throw new InvalidStatementException(model.name(), r.name(),
          "a to-one relation takes one record, not " + creates.size());
    }
    List<ExprNode.Record> rows = new ArrayList<>(creates.size());
    for (Create<?> c : creates) {
      Objects.requireNonNull(c, "create");
      if (!c.model().name().equals(r.target())) {
        throw new InvalidStatementException(model.name(), r.name(), "relates to " + r.target()
            + ", not " + c.model().name());
      }
      // a child's foreign key is its parent's: a value copied from a record gives way
      rows.add(!r.isBelongsTo() && r.through() == null && c instanceof AbstractCreate<?, ?> a
          ? a.rowUnder(r.targetFields()) : c.row());
    }
    values[model.schema().fields().size() + r.index()] = new ExprNode.Stmt(
        new InsertNode(new Source.Model(r.target()), List.of(), rows,
            Returning.Model.plain()));
    return self();
  }

  /**
   * Links this record to an existing parent of a belongs-to relation: sets the foreign key
   * fields to the parent's referenced values ({@code parentValues} are the parent's data field
   * values, as {@code ModelDef.values} gives them). Generated setters ({@code author(User)})
   * call this.
   */
  protected final S setParent(RelationPath<M, ?> relation, Value.Record parentValues) {
    RelationSchema r = relation(relation);
    Objects.requireNonNull(parentValues, "parentValues");
    if (!r.isBelongsTo()) {
      throw new InvalidStatementException(model.name(), r.name(), "is not a belongs-to relation");
    }
    for (int i = 0; i < r.sourceFields().size(); i++) {
      int f = r.sourceFields().get(i);
      if (scopedBy[f] != null) {
        throw new InvalidStatementException(model.name(), model.schema().field(f).name(),
            "is set by the relation " + scopedBy[f] + " this create is scoped to");
      }
      values[f] = new ExprNode.Const(parentValues.get(r.targetFields().get(i)));
    }
    values[model.schema().fields().size() + r.index()] = new ExprNode.Default();
    return self();
  }

  /** Sets and locks {@code fields} to {@code values}: the create is scoped to a relation. */
  public final void scope(List<Integer> fields, Value.Record fieldValues, String relation) {
    for (int i = 0; i < fields.size(); i++) {
      values[fields.get(i)] = new ExprNode.Const(fieldValues.get(i));
      scopedBy[fields.get(i)] = relation;
    }
  }

  private RelationSchema relation(RelationPath<M, ?> relation) {
    Objects.requireNonNull(relation, "relation");
    if (!relation.model().equals(model.name())
        || !model.schema().isRelation(relation.index())) {
      throw new InvalidStatementException(model.name(), relation.name(),
          "relation belongs to model " + relation.model());
    }
    return model.schema().relationAt(relation.index());
  }

  @Override
  public Mono<M> exec(Executor db) {
    Objects.requireNonNull(db, "db");
    Snapshot<M> s = snapshot();
    return s.finish(db.exec(Objects.requireNonNull(s.untyped(), "a create always sends")));
  }

  @Override
  public Snapshot<M> snapshot() {
    return Insert.of(model, List.of(this)).single();
  }

  @Override
  public ModelDef<M> model() {
    return model;
  }

  @Override
  public ExprNode.Record row() {
    return new ExprNode.Record(List.of(values));
  }

  /** Refuses to set a field of an {@code Optional} embedded record alone. */
  static void checkAlone(String model, Path<?> field) {
    Objects.requireNonNull(field, "field");
    if (field.wholeOnly() != null) {
      throw new InvalidStatementException(model, field.name(), "lies in field "
          + field.wholeOnly() + ", which is set whole (an Optional embedded record is absent"
          + " when all its columns are NULL; a sealed-interface value's variant decides which of"
          + " its columns hold values)");
    }
  }

  private int checkField(Path<?> field) {
    Objects.requireNonNull(field, "field");
    if (!field.model().equals(model.name())) {
      throw new InvalidStatementException(model.name(), field.name(),
          "field belongs to model " + field.model());
    }
    return field.index();
  }

  /** The statement a create of these rows runs. */
  public static InsertNode statement(ModelDef<?> model, List<ExprNode.Record> rows) {
    return new InsertNode(new Source.Model(model.name()), List.of(),
        rows, Returning.Model.plain());
  }
}
