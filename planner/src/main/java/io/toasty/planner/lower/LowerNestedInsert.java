package io.toasty.planner.lower;

import io.toasty.planner.expr.Children;
import io.toasty.planner.hir.HirBinding;
import io.toasty.planner.hir.HirDep;
import io.toasty.planner.hir.HirNest;
import io.toasty.planner.hir.HirOutput;
import io.toasty.planner.hir.HirStatement;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A nested create: an insert whose rows hold, in relation slots, the inserts of related records
 * ({@code ExprNode.Stmt}). Belongs-to parents are inserted first and their keys fill the row's
 * foreign key; then the row; then has-many and has-one children, whose foreign key is the row's
 * key. A key known before execution (set by the user, or a UUID the engine generates) is copied
 * as an expression; a key the database generates is bound at execution from the inserted row
 * ({@link HirBinding}). The statements run in one transaction, or, on a backend without
 * interactive transactions, as one atomic write ({@code plan.NestedInserts}). Each insert but
 * the top one says where its rows go in the returned records ({@link HirNest}), so the create
 * returns its records with the relations it created loaded.
 */
final class LowerNestedInsert {
  private final LowerContext root;
  private final List<HirStatement> statements = new ArrayList<>();

  private LowerNestedInsert(LowerContext root) {
    this.root = root;
  }

  /** Whether any row of {@code i} creates related records. */
  static boolean isNested(InsertNode i) {
    return i.rows().stream().anyMatch(r -> r.fields().stream()
        .anyMatch(e -> e instanceof ExprNode.Stmt));
  }

  /** The statements (the result is the returned id) and the output of the top-level insert. */
  static List<HirStatement> lower(InsertNode insert, LowerContext cx, List<HirOutput> output,
      int[] result) {
    LowerNestedInsert n = new LowerNestedInsert(cx);
    result[0] = n.insert(insert, cx, null, null).id();
    output.add(insert.returning() instanceof Returning.Count ? new HirOutput.Count()
        : new HirOutput.Rows(withSlots(cx)));
    if (insert.returning() instanceof Returning.Count) {
      return n.statements; // a count of the top rows: nothing to nest
    }
    List<HirStatement> out = new ArrayList<>(n.statements.size());
    for (HirStatement h : n.statements) {
      Into into = n.into.get(h.id());
      out.add(into == null ? h : h.withNest(new HirNest(into.parent, into.row, into.slot,
          into.flatten, withSlots(into.cx))));
    }
    return out;
  }

  /**
   * A record of {@code cx.model} as a nested create returns it: its fields, then one slot per
   * relation (the column numbers past the table's last), filled where the create made related
   * records and NULL (not loaded) elsewhere.
   */
  private static List<ExprNode> withSlots(LowerContext cx) {
    List<ExprNode> out = new ArrayList<>(cx.mapping.fieldFromColumns());
    int columns = cx.table.columns().size();
    for (int k = 0; k < cx.model.relations().size(); k++) {
      out.add(new ExprNode.Column(cx.table.name(), columns + k));
    }
    return out;
  }

  /**
   * Where a statement's rows go in the returned records (see {@link HirNest}); {@code cx} is the
   * statement's own model. A belongs-to parent's parent is not numbered yet when the parent is
   * lowered (it is inserted first), so it is filled in once it is.
   */
  private static final class Into {
    int parent;
    final int row;
    final int slot;
    final int flatten;
    @SuppressWarnings("NullAway.Init") // set right after construction, before any use
    LowerContext cx;

    Into(int parent, int row, int slot, int flatten) {
      this.parent = parent;
      this.row = row;
      this.slot = slot;
      this.flatten = flatten;
    }
  }

  /** Per statement id, where its rows go; the top-level insert has none. */
  private final Map<Integer, Into> into = new HashMap<>();

  /** A value for a foreign key field: an expression, or a binding to an inserted row. */
  private record Link(@Nullable ExprNode value, @Nullable HirBinding binding) {}

  /** A lowered insert: its statement, and the values its rows were inserted with. */
  private record Inserted(int id, LowerInsert lowering, LowerContext cx) {}

  /**
   * Lowers {@code insert} of {@code cx.model}; {@code fromParent} gives, per row, the values of
   * fields a parent fills (field index → link), or is null. Returns the insert's statement id.
   */
  private Inserted insert(InsertNode insert, LowerContext cx,
      @Nullable List<Map<Integer, Link>> fromParent, @Nullable Into nest) {
    ModelSchema m = cx.model;
    int nFields = m.fields().size();
    List<Map<Integer, Link>> links = new ArrayList<>();
    List<ExprNode.Record> rows = new ArrayList<>();
    List<Into> parents = new ArrayList<>();
    // 1. belongs-to parents first.
    for (int r = 0; r < insert.rows().size(); r++) {
      ExprNode.Record row = insert.rows().get(r);
      Map<Integer, Link> rowLinks = new HashMap<>(
          fromParent == null ? Map.of() : fromParent.get(r));
      for (RelationSchema rel : m.relations()) {
        ExprNode slot = slot(row, nFields, rel);
        if (!(slot instanceof ExprNode.Stmt nested) || !rel.isBelongsTo()) {
          continue;
        }
        Into up = new Into(-1, r, rel.index(), -1);
        parents.add(up);
        Inserted parent = insert((InsertNode) nested.statement(), context(rel.target()), null, up);
        for (int i = 0; i < rel.sourceFields().size(); i++) {
          rowLinks.put(rel.sourceFields().get(i), link(parent, 0, rel.targetFields().get(i)));
        }
      }
      links.add(rowLinks);
      rows.add(row);
    }
    // 2. the rows, with the linked keys substituted (bindings as placeholder arguments).
    List<HirBinding> bindings = new ArrayList<>();
    List<ExprNode.Record> substituted = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      List<ExprNode> fields = new ArrayList<>(rows.get(r).fields().subList(0, nFields));
      for (var e : links.get(r).entrySet()) {
        Link l = e.getValue();
        if (l.value() != null) {
          fields.set(e.getKey(), l.value());
        } else {
          bindings.add(l.binding());
          fields.set(e.getKey(), new ExprNode.Arg(-bindings.size()));
        }
      }
      substituted.add(new ExprNode.Record(fields));
    }
    LowerInsert li = new LowerInsert(cx, true);
    InsertNode plain = insert.with(insert.columns(), substituted, insert.returning());
    LowerQuery.Lowered lowered = li.insert(withReturnedRows(plain));
    int id = add(lowered.statement(), bindings);
    parents.forEach(p -> p.parent = id);
    if (nest != null) {
      nest.cx = cx;
      into.put(id, nest);
    }
    Inserted self = new Inserted(id, li, cx);
    // 3. has-many and has-one children, linked to each row's key.
    for (int r = 0; r < insert.rows().size(); r++) {
      ExprNode.Record row = insert.rows().get(r);
      for (RelationSchema rel : m.relations()) {
        ExprNode slot = slot(row, nFields, rel);
        if (!(slot instanceof ExprNode.Stmt nested) || rel.isBelongsTo()) {
          continue;
        }
        InsertNode children = (InsertNode) nested.statement();
        // Through a join model: one join record per target, the target its nested parent.
        RelationSchema direct = rel.through() == null ? rel
            : m.relation(rel.through().path().get(0));
        if (rel.through() != null) {
          children = joinRows(rel, children);
        }
        List<Map<Integer, Link>> childLinks = new ArrayList<>();
        for (int c = 0; c < children.rows().size(); c++) {
          Map<Integer, Link> l = new HashMap<>();
          for (int i = 0; i < direct.targetFields().size(); i++) {
            l.put(direct.targetFields().get(i), link(self, r, direct.sourceFields().get(i)));
          }
          childLinks.add(l);
        }
        // Through a join model the record gets the targets, each in its join record's slot.
        int flatten = rel.through() == null ? -1
            : root.schema.model(rel.through().model()).relation(rel.through().path().get(1))
                .index();
        insert(children, context(direct.target()), childLinks,
            new Into(id, r, rel.index(), flatten));
      }
    }
    return self;
  }

  /**
   * The value of field {@code field} of row {@code row} of an insert: the expression it was
   * inserted with when that is a value (set, defaulted or generated by the engine), else a
   * binding to the inserted row's column (a key the database generates).
   */
  private static Link link(Inserted in, int row, int field) {
    ExprNode v = in.lowering().filled.get(row)[field];
    if (v instanceof ExprNode.Arg a && a.index() >= 0 || v instanceof ExprNode.Const) {
      return new Link(v, null);
    }
    return new Link(null, new HirBinding(in.id(), row, in.cx().mapping.columnOf(field)));
  }

  private int add(StatementNode s, List<HirBinding> bindings) {
    int id = statements.size();
    List<HirDep> deps = new ArrayList<>();
    if (id > 0) {
      deps.add(new HirDep(id - 1, HirDep.Kind.AFTER));
    }
    for (HirBinding b : bindings) {
      if (b.statement() != id - 1) {
        deps.add(new HirDep(b.statement(), HirDep.Kind.AFTER));
      }
    }
    statements.add(new HirStatement(id, s, deps, null, bindings));
    return id;
  }

  /**
   * The join records of a nested create through a join model: each row a join record with its
   * fields defaulted and, in the slot of its belongs-to to the target, the create of one target.
   */
  private InsertNode joinRows(RelationSchema rel, InsertNode targets) {
    ModelSchema join = root.schema.model(
        Objects.requireNonNull(rel.through(), "a many-to-many relation").model());
    int toTarget = join.relation(rel.through().path().get(1)).index();
    List<ExprNode.Record> rows = new ArrayList<>(targets.rows().size());
    for (ExprNode.Record target : targets.rows()) {
      ExprNode[] row = new ExprNode[join.fields().size() + join.relations().size()];
      Arrays.fill(row, new ExprNode.Default());
      row[join.fields().size() + toTarget] = new ExprNode.Stmt(targets.with(targets.columns(),
          List.of(target), targets.returning()));
      rows.add(new ExprNode.Record(List.of(row)));
    }
    return new InsertNode(new Source.Model(join.name()), List.of(), rows,
        Returning.Model.plain());
  }

  private static InsertNode withReturnedRows(InsertNode i) {
    return i.returning() instanceof Returning.Model ? i
        : i.with(i.columns(), i.rows(), Returning.Model.plain());
  }

  private static ExprNode slot(ExprNode.Record row, int nFields, RelationSchema rel) {
    int at = nFields + rel.index();
    return at < row.fields().size() ? row.fields().get(at) : new ExprNode.Default();
  }

  private LowerContext context(String model) {
    return root.child(model);
  }

  /** Replaces the placeholder arguments {@code -k} with {@code base + k - 1}. */
  static StatementNode number(StatementNode s, int base) {
    InsertNode i = (InsertNode) s;
    List<ExprNode.Record> rows = Children.list(i.rows(), e -> renumber(e, base));
    return i.with(i.columns(), rows, i.returning());
  }

  private static ExprNode renumber(ExprNode e, int base) {
    if (e instanceof ExprNode.Arg a && a.index() < 0) {
      return new ExprNode.Arg(base - a.index() - 1);
    }
    return Children.map(e, x -> renumber(x, base));
  }
}
