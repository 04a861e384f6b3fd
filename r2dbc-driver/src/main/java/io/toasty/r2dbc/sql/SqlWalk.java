package io.toasty.r2dbc.sql;

import io.toasty.Feature;
import io.toasty.UnsupportedFeatureException;
import io.toasty.r2dbc.dialect.JsonStorage;
import io.toasty.r2dbc.dialect.SqlDialect;
import io.toasty.schema.Schema;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.Delete;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Insert;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OnConflict;
import io.toasty.stmt.Nullability;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.RowLock;
import io.toasty.stmt.Source;
import io.toasty.stmt.Statement;
import io.toasty.stmt.Update;
import io.toasty.value.CollectionJson;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One rendering of one table-level statement: appends SQL text and records each bind marker (its
 * argument and expected type) in the same step, so text and parameters cannot drift apart.
 */
final class SqlWalk {
  private final SqlDialect dialect;
  private final Schema schema;
  private final StringBuilder out = new StringBuilder(128);
  private int[] argOrder = new int[8];
  private int markers;
  private final List<Type> markerTypes = new ArrayList<>();
  private final List<Value> constants = new ArrayList<>();
  private final List<PatternBinding> patterns = new ArrayList<>();
  private final List<RenderedSql.ArrayMarker> arrays = new ArrayList<>();
  /** The tables of the enclosing SELECT/UPDATE/DELETE, innermost first. */
  private final ArrayDeque<String> scopes = new ArrayDeque<>();
  private List<String> generatedColumns = List.of();
  private List<Type> returnTypes = List.of();
  private InsertEcho echo;

  SqlWalk(SqlDialect dialect, Schema schema) {
    this.dialect = dialect;
    this.schema = schema;
  }

  RenderedSql render(Statement statement) {
    boolean rows;
    if (statement instanceof Query q) {
      query(q, true);
      rows = true;
    } else if (statement instanceof Update u) {
      rows = update(u);
    } else if (statement instanceof Delete d) {
      rows = delete(d);
    } else {
      rows = insert((Insert) statement);
    }
    return new RenderedSql(out.toString(), Arrays.copyOf(argOrder, markers),
        markerTypes.toArray(new Type[0]), constants.toArray(new Value[0]),
        patterns.toArray(new PatternBinding[0]), arrays.toArray(new RenderedSql.ArrayMarker[0]),
        generatedColumns, returnTypes, rows, echo);
  }

  // ---- statements ----------------------------------------------------------------------------

  /** The column of a per-partition limit's row numbers, in its derived table. */
  private static final String ROW_NUMBER = "toasty_row_number";

  private void query(Query q, boolean top) {
    TableSchema table = table(q.source());
    Source.Join join = ((Source.Table) q.source()).join();
    // A joined query qualifies every column: both tables may have columns of the same name.
    scopes.push(join == null ? table.name() : "");
    out.append("SELECT ");
    List<Type> types = projection(q.returning());
    if (top) {
      returnTypes = types;
    }
    out.append(" FROM ");
    boolean perPartition = q.limit() != null && !q.limit().partitionBy().isEmpty();
    Expr.InList joined = top && !perPartition ? joinedList(q.filter()) : null;
    if (perPartition) {
      numberedRows(table, q);
    } else if (joined == null) {
      ident(table.name());
      if (join != null) {
        innerJoin(table, join);
      }
      where(q.filter());
    } else {
      unnestJoin(table, joined);
      where(without(q.filter(), joined));
    }
    if (q.returning() instanceof Returning.Grouped g) {
      groupBy(g);
    }
    orderBy(q.orderBy());
    if (!perPartition) {
      limit(q.limit());
    }
    if (top && q.lock() != null) {
      lock(q.lock());
    }
    scopes.pop();
  }

  /**
   * A limit per partition (an include's limit per parent): the table's rows numbered within each
   * partition in the query's order, as a derived table named like the table (so the columns
   * outside read as usual), kept from {@code offset + 1} to {@code offset + count}:
   * {@code (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY .. ORDER BY ..) AS rn FROM t WHERE ..) t
   * WHERE rn > offset AND rn - offset <= count}.
   */
  private void numberedRows(TableSchema table, Query q) {
    Limit limit = q.limit();
    out.append("(SELECT ");
    ident(table.name());
    out.append(".*, ROW_NUMBER() OVER (PARTITION BY ");
    for (int i = 0; i < limit.partitionBy().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      expr(limit.partitionBy().get(i), null);
    }
    orderBy(q.orderBy());
    out.append(") AS ");
    ident(ROW_NUMBER);
    out.append(" FROM ");
    ident(table.name());
    where(q.filter());
    out.append(") ");
    ident(table.name());
    out.append(" WHERE ");
    ident(ROW_NUMBER);
    if (limit.offset() != null) {
      out.append(" > ");
      expr(limit.offset(), Type.Scalar.I64);
      out.append(" AND ");
      ident(ROW_NUMBER);
      out.append(" - ");
      expr(limit.offset(), Type.Scalar.I64);
    }
    out.append(" <= ");
    expr(limit.count(), Type.Scalar.I64);
  }

  private void orderBy(List<OrderBy> orderBy) {
    if (orderBy.isEmpty()) {
      return;
    }
    out.append(" ORDER BY ");
    for (int i = 0; i < orderBy.size(); i++) {
      OrderBy term = orderBy.get(i);
      if (i > 0) {
        out.append(", ");
      }
      expr(term.expr(), null);
      boolean ascending = term.direction() == OrderBy.Direction.ASC;
      out.append(ascending ? " ASC" : " DESC");
      switch (dialect.nullOrder()) {
        case LOWEST -> { }
        case HIGHEST -> out.append(!Nullability.mayBeNull(schema, term.expr()) ? ""
            : ascending ? " NULLS FIRST" : " NULLS LAST");
      }
    }
  }

  private void lock(RowLock lock) {
    boolean share = lock.mode() == RowLock.Mode.SHARE;
    switch (dialect.rowLockSyntax()) {
      case SERIALIZED_TRANSACTIONS -> {
        return;
      }
      case FOR_UPDATE_FOR_SHARE -> out.append(share ? " FOR SHARE" : " FOR UPDATE");
      case LOCK_IN_SHARE_MODE -> out.append(share ? " LOCK IN SHARE MODE" : " FOR UPDATE");
      case FOR_UPDATE_ONLY -> {
        if (share) {
          throw new UnsupportedFeatureException(Feature.SHARED_ROW_LOCKS, dialect.backend(),
              "FOR SHARE");
        }
        out.append(" FOR UPDATE");
      }
    }
    switch (lock.onLocked()) {
      case WAIT -> { }
      case NOWAIT -> out.append(" NOWAIT");
      case SKIP_LOCKED -> out.append(" SKIP LOCKED");
    }
  }

  private boolean update(Update u) {
    TableSchema table = table(u.target());
    if (u.assignments().isEmpty()) {
      throw new IllegalArgumentException("an update of " + table.name() + " assigns nothing");
    }
    return mutation(table, u.returning(), "UPDATE", dialect.mutationReturning(), "FINAL", () -> {
      out.append("UPDATE ");
      ident(table.name());
      out.append(" SET ");
      scopes.push(table.name());
      for (int i = 0; i < u.assignments().size(); i++) {
        Assignment a = u.assignments().get(i);
        if (i > 0) {
          out.append(", ");
        }
        ident(column(table, a.target()));
        out.append(" = ");
        expr(a.value(), table.column(a.target()).type());
      }
      where(u.filter());
      scopes.pop();
    });
  }

  private boolean delete(Delete d) {
    TableSchema table = table(d.from());
    return mutation(table, d.returning(), "DELETE", dialect.deleteReturning(), "OLD", () -> {
      out.append("DELETE FROM ");
      ident(table.name());
      scopes.push(table.name());
      where(d.filter());
      scopes.pop();
    });
  }

  /** An UPDATE or DELETE body, wrapped as the dialect returns rows when a projection is asked. */
  private boolean mutation(TableSchema table, Returning returning, String verb,
      SqlDialect.MutationReturning how, String deltaTable, Runnable body) {
    if (returning instanceof Returning.Count) {
      body.run();
      return false;
    }
    if (!(returning instanceof Returning.Project project)) {
      throw new IllegalArgumentException("a table-level " + verb + " returns Count or Project, not "
          + returning);
    }
    switch (how) {
      case DATA_CHANGE_DELTA_TABLE -> {
        out.append("SELECT ");
        scopes.push(table.name());
        returnTypes = projection(project);
        scopes.pop();
        out.append(" FROM ").append(deltaTable).append(" TABLE (");
        body.run();
        out.append(')');
      }
      case RETURNING_CLAUSE -> {
        body.run();
        out.append(" RETURNING ");
        scopes.push(table.name());
        returnTypes = projection(project);
        scopes.pop();
      }
      case NONE -> throw new UnsupportedFeatureException(Feature.RETURNING_FROM_MUTATION,
          dialect.backend(), verb + " returning rows: read the rows again after the " + verb);
    }
    return true;
  }

  private boolean insert(Insert insert) {
    TableSchema table = table(insert.target());
    if (insert.rows().isEmpty()) {
      throw new IllegalArgumentException("an insert into " + table.name() + " has no rows");
    }
    if (insert.onConflict() != null && dialect.upsertSyntax() == SqlDialect.UpsertSyntax.MERGE) {
      return merge(table, insert);
    }
    // With no columns every row takes its defaults: name the first column and write DEFAULT.
    boolean defaultsOnly = insert.columns().isEmpty();
    List<Integer> columns = defaultsOnly ? List.of(0) : insert.columns();
    out.append("INSERT INTO ");
    ident(table.name());
    out.append(" (");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      ident(column(table, columns.get(i)));
    }
    out.append(") VALUES ");
    // per row and column, the marker that binds the value sent (-1: not one bound value)
    int[][] sent = !defaultsOnly && InsertEcho.applies(insert, dialect)
        ? new int[insert.rows().size()][columns.size()] : null;
    for (int r = 0; r < insert.rows().size(); r++) {
      Expr.Record row = insert.rows().get(r);
      if (r > 0) {
        out.append(", ");
      }
      out.append('(');
      if (defaultsOnly) {
        if (!row.fields().isEmpty()) {
          throw new IllegalArgumentException("insert row " + r + " into " + table.name()
              + " has values but the insert names no columns");
        }
        out.append(switch (dialect.defaultRow()) {
          case DEFAULT_KEYWORD -> "DEFAULT";
          case NULL_ASSIGNS_IDENTITY -> "NULL";
        });
      } else {
        if (row.fields().size() != columns.size()) {
          throw new IllegalArgumentException("insert row " + r + " into " + table.name()
              + " has " + row.fields().size() + " values for " + columns.size() + " columns");
        }
        for (int i = 0; i < columns.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          int before = markers;
          Expr value = row.fields().get(i);
          expr(value, table.column(columns.get(i)).type());
          if (sent != null) {
            sent[r][i] = markers == before + 1 && (value instanceof Expr.Arg
                || value instanceof Expr.Const c && !c.value().isNull()) ? before : -1;
          }
        }
      }
      out.append(')');
    }
    if (insert.onConflict() != null) {
      conflict(table, insert.onConflict());
    }
    List<Integer> returned = insertReturned(table, insert.returning());
    if (returned == null) {
      return false;
    }
    List<Type> resultTypes = new ArrayList<>(returned.size());
    returned.forEach(c -> resultTypes.add(table.column(c).type()));
    if (sent != null) {
      echo = InsertEcho.plan(table, columns, returned, sent, dialect);
      if (echo != null) {
        returned = echo.returnedColumns(returned);
      }
    }
    if (insert.onConflict() != null
        && dialect.insertReturning() == SqlDialect.InsertReturning.GENERATED_VALUES) {
      throw new UnsupportedFeatureException(Feature.RETURNING_FROM_MUTATION, dialect.backend(),
          "an upsert returning the stored rows needs INSERT ... RETURNING");
    }
    List<String> names = new ArrayList<>(returned.size());
    for (int index : returned) {
      names.add(column(table, index));
    }
    returnTypes = resultTypes;
    switch (dialect.insertReturning()) {
      case GENERATED_VALUES -> generatedColumns = names;
      case RETURNING_CLAUSE -> {
        out.append(" RETURNING ");
        for (int i = 0; i < names.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          ident(names.get(i));
        }
      }
    }
    return true;
  }

  /** An upsert's conflict clause after the VALUES rows. */
  private void conflict(TableSchema table, OnConflict c) {
    switch (dialect.upsertSyntax()) {
      case ON_CONFLICT -> {
        out.append(" ON CONFLICT (");
        columnList(table, c.target(), "");
        out.append(") DO UPDATE SET ");
        conflictSet(table, c, "EXCLUDED.", "");
      }
      case ON_DUPLICATE_KEY -> {
        out.append(" ON DUPLICATE KEY UPDATE ");
        conflictSet(table, c, "VALUES(", ")");
      }
      case MERGE -> throw new IllegalStateException("MERGE is written by merge()");
    }
  }

  /**
   * {@code SELECT cols FROM FINAL TABLE (MERGE INTO t USING (VALUES ...) AS p (cols) ON t.k = p.k
   * WHEN MATCHED THEN UPDATE SET ... WHEN NOT MATCHED THEN INSERT (cols) VALUES (p.cols))}.
   */
  private boolean merge(TableSchema table, Insert insert) {
    if (insert.columns().isEmpty()) {
      throw new IllegalArgumentException("an upsert into " + table.name() + " names no columns");
    }
    List<Integer> returned = insertReturned(table, insert.returning());
    if (returned == null) {
      throw new IllegalArgumentException("an upsert into " + table.name() + " returns rows");
    }
    out.append("SELECT ");
    columnList(table, returned, "");
    List<Type> types = new ArrayList<>(returned.size());
    returned.forEach(c -> types.add(table.column(c).type()));
    returnTypes = types;
    out.append(" FROM FINAL TABLE (MERGE INTO ");
    ident(table.name());
    out.append(" USING (VALUES ");
    for (int r = 0; r < insert.rows().size(); r++) {
      out.append(r > 0 ? ", (" : "(");
      Expr.Record row = insert.rows().get(r);
      for (int i = 0; i < insert.columns().size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        expr(row.fields().get(i), table.column(insert.columns().get(i)).type());
      }
      out.append(')');
    }
    out.append(") AS ").append(PROPOSED).append(" (");
    columnList(table, insert.columns(), "");
    out.append(") ON ");
    for (int i = 0; i < insert.onConflict().target().size(); i++) {
      String name = column(table, insert.onConflict().target().get(i));
      out.append(i > 0 ? " AND " : "");
      ident(table.name());
      out.append('.');
      ident(name);
      out.append(" = ").append(PROPOSED).append('.');
      ident(name);
    }
    out.append(" WHEN MATCHED THEN UPDATE SET ");
    conflictSet(table, insert.onConflict(), PROPOSED + ".", "");
    out.append(" WHEN NOT MATCHED THEN INSERT (");
    columnList(table, insert.columns(), "");
    out.append(") VALUES (");
    columnList(table, insert.columns(), PROPOSED + ".");
    out.append("))");
    return true;
  }

  /** The alias of the proposed rows in a MERGE. */
  private static final String PROPOSED = "toasty_proposed";

  /**
   * The update path's SET list: copied columns from the proposed row ({@code open} col
   * {@code close}), then the expressions, whose column references name the stored row; with
   * nothing to set, the first target column to itself, so the stored row is still returned.
   */
  private void conflictSet(TableSchema table, OnConflict c, String open, String close) {
    scopes.push(""); // no table is "in scope": every column reference is qualified
    int n = 0;
    if (c.keepsStored()) {
      String name = column(table, c.target().get(0));
      ident(name);
      out.append(" = ");
      ident(table.name());
      out.append('.');
      ident(name);
    }
    for (int col : c.copied()) {
      out.append(n++ > 0 ? ", " : "");
      ident(column(table, col));
      out.append(" = ").append(open);
      ident(column(table, col));
      out.append(close);
    }
    for (Assignment a : c.assignments()) {
      out.append(n++ > 0 ? ", " : "");
      ident(column(table, a.target()));
      out.append(" = ");
      expr(a.value(), table.column(a.target()).type());
    }
    scopes.pop();
  }

  private void columnList(TableSchema table, List<Integer> columns, String prefix) {
    for (int i = 0; i < columns.size(); i++) {
      out.append(i > 0 ? ", " : "").append(prefix);
      ident(column(table, columns.get(i)));
    }
  }

  /** The column indexes an insert returns, or {@code null} for a count. */
  private static List<Integer> insertReturned(TableSchema table, Returning returning) {
    if (returning instanceof Returning.Count) {
      return null;
    }
    List<Integer> columns = new ArrayList<>();
    if (returning instanceof Returning.Keys keys) {
      columns.addAll(keys.indexes());
    } else if (returning instanceof Returning.Project project) {
      for (Expr e : project.exprs()) {
        if (!(e instanceof Expr.Column c) || !c.table().equals(table.name())) {
          throw new IllegalArgumentException("an insert into " + table.name()
              + " can return only its own columns, not " + e);
        }
        columns.add(c.index());
      }
    } else {
      throw new IllegalArgumentException("a table-level insert returns Count, Keys or Project, not "
          + returning);
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("an insert into " + table.name() + " returns no columns");
    }
    return columns;
  }

  // ---- clauses -------------------------------------------------------------------------------

  private void groupBy(Returning.Grouped g) {
    if (!g.groupBy().isEmpty()) {
      out.append(" GROUP BY ");
      for (int i = 0; i < g.groupBy().size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        expr(g.groupBy().get(i), null);
      }
    }
    if (!isTrue(g.having())) {
      out.append(" HAVING ");
      expr(g.having(), Type.Scalar.BOOL);
    }
  }

  /**
   * An aggregate, cast where the backends' own result types differ ({@code SUM} of integers:
   * BIGINT, NUMERIC or DECIMAL); AVG averages doubles, so that every backend keeps a double's
   * precision (MariaDB's AVG of integers would round to four decimals).
   */
  private void aggregate(Expr.Aggregate a) {
    String distinct = a.distinct() ? "DISTINCT " : "";
    switch (a.op()) {
      case COUNT_ALL -> out.append("COUNT(*)");
      case COUNT -> aggregateCall("COUNT", distinct, a.operand(), null);
      case MIN, MAX -> leastOrGreatest(a, distinct);
      case SUM, SUM_DOUBLE, SUM_DECIMAL -> cast(aggregateType(a.op()),
          () -> aggregateCall("SUM", distinct, a.operand(), null));
      case AVG, AVG_DECIMAL -> aggregateCall("AVG", distinct, a.operand(),
          aggregateType(a.op()));
    }
  }

  /** {@code MIN}/{@code MAX} as the dialect writes them for the operand's type. */
  private void leastOrGreatest(Expr.Aggregate a, String distinct) {
    boolean min = a.op() == Expr.AggOp.MIN;
    Type type = typeOf(a.operand());
    switch (dialect.minMax(type)) {
      case NATIVE -> aggregateCall(a.op().name(), distinct, a.operand(), null);
      case BOOL_AND_OR -> aggregateCall(min ? "BOOL_AND" : "BOOL_OR", distinct, a.operand(), null);
      case BY_TEXT -> {
        out.append("CAST(");
        aggregateCall(a.op().name(), distinct, a.operand(), Type.Scalar.STRING);
        out.append(" AS ").append(dialect.columnType(type, false)).append(')');
      }
    }
  }

  private static Type aggregateType(Expr.AggOp op) {
    return switch (op) {
      case SUM_DOUBLE, AVG -> Type.Scalar.F64;
      case SUM_DECIMAL, AVG_DECIMAL -> Type.Scalar.DECIMAL;
      default -> Type.Scalar.I64;
    };
  }

  private void aggregateCall(String fn, String distinct, Expr operand, Type castOperand) {
    out.append(fn).append('(').append(distinct);
    if (castOperand == null) {
      expr(operand, null);
    } else {
      cast(castOperand, () -> expr(operand, null));
    }
    out.append(')');
  }

  private void cast(Type type, Runnable inner) {
    String name = dialect.castType(type);
    if (name == null) {
      inner.run();
      return;
    }
    out.append("CAST(");
    inner.run();
    out.append(" AS ").append(name).append(')');
  }

  /** Writes the select list; returns the type of each returned column (NULL where unknown). */
  private List<Type> projection(Returning returning) {
    if (returning instanceof Returning.Count) {
      out.append("COUNT(*)");
      return List.of(Type.Scalar.I64);
    }
    if (returning instanceof Returning.Grouped g) {
      if (g.distinct()) {
        out.append("DISTINCT ");
      }
      return projection(new Returning.Project(g.exprs()));
    }
    if (!(returning instanceof Returning.Project project) || project.exprs().isEmpty()) {
      throw new IllegalArgumentException("a table-level select returns a non-empty Project or "
          + "Count, not " + returning);
    }
    List<Type> types = new ArrayList<>(project.exprs().size());
    for (int i = 0; i < project.exprs().size(); i++) {
      Expr e = project.exprs().get(i);
      if (i > 0) {
        out.append(", ");
      }
      expr(e, null);
      Type t = typeOf(e);
      types.add(t == null ? Type.Scalar.NULL : t);
    }
    return types;
  }

  private void where(Expr filter) {
    Expr f = unwrapSingleton(filter);
    if (isTrue(f)) {
      return;
    }
    out.append(" WHERE ");
    expr(f, Type.Scalar.BOOL);
  }

  private void limit(Limit limit) {
    if (limit == null) {
      return;
    }
    switch (dialect.limitSyntax()) {
      case LIMIT_OFFSET -> {
        out.append(" LIMIT ");
        expr(limit.count(), Type.Scalar.I64);
        if (limit.offset() != null) {
          out.append(" OFFSET ");
          expr(limit.offset(), Type.Scalar.I64);
        }
      }
      case OFFSET_FETCH -> {
        if (limit.offset() != null) {
          out.append(" OFFSET ");
          expr(limit.offset(), Type.Scalar.I64);
          out.append(" ROWS FETCH NEXT ");
        } else {
          out.append(" FETCH FIRST ");
        }
        expr(limit.count(), Type.Scalar.I64);
        out.append(" ROWS ONLY");
      }
    }
  }

  // ---- expressions ---------------------------------------------------------------------------

  /** Writes {@code e}; {@code expected} is the type a marker in its place should bind as. */
  private void expr(Expr e, Type expected) {
    if (e instanceof Expr.Const c) {
      constant(c.value(), expected);
    } else if (e instanceof Expr.Arg a) {
      marker(a.index(), null, expected);
    } else if (e instanceof Expr.Column c) {
      column(c);
    } else if (e instanceof Expr.Compare c) {
      compare(c);
    } else if (e instanceof Expr.Arith a) {
      arith(a, expected);
    } else if (e instanceof Expr.Aggregate a) {
      aggregate(a);
    } else if (e instanceof Expr.Func f) {
      out.append(switch (f.op()) {
        case LOWER -> "LOWER";
        case UPPER -> "UPPER";
        case LENGTH -> dialect.charLengthFunction();
      }).append('(');
      expr(f.operand(), Type.Scalar.STRING);
      out.append(')');
    } else if (e instanceof Expr.JsonText j) {
      jsonText(j);
    } else if (e instanceof Expr.Contains c) {
      contains(c);
    } else if (e instanceof Expr.IsEmpty i) {
      isEmpty(i);
    } else if (e instanceof Expr.CollectionChange c) {
      collectionChange(c);
    } else if (e instanceof Expr.And and) {
      junction(and.operands(), " AND ", true);
    } else if (e instanceof Expr.Or or) {
      junction(or.operands(), " OR ", false);
    } else if (e instanceof Expr.Not not) {
      out.append("NOT (");
      expr(not.operand(), Type.Scalar.BOOL);
      out.append(')');
    } else if (e instanceof Expr.IsNull isNull) {
      wrappedUnlessAtom(isNull.operand(), null);
      out.append(" IS NULL");
    } else if (e instanceof Expr.IsNotDistinctFrom d) {
      isNotDistinctFrom(d);
    } else if (e instanceof Expr.Pattern p) {
      pattern(p);
    } else if (e instanceof Expr.InList in) {
      inList(in);
    } else if (e instanceof Expr.InSubquery in) {
      Expr operand = unwrapSingleton(in.operand());
      if (operand instanceof Expr.Record) {
        requireRowValues("a record IN a subquery");
      }
      wrappedUnlessAtom(operand, null);
      out.append(" IN (");
      query(in.query(), false);
      out.append(')');
    } else if (e instanceof Expr.Exists exists) {
      out.append("EXISTS (");
      query(exists.query(), false);
      out.append(')');
    } else if (e instanceof Expr.Record r) {
      tuple(r.fields(), null);
    } else if (e instanceof Expr.Project p) {
      if (!(p.base() instanceof Expr.Record r)) {
        throw new UnsupportedFeatureException(Feature.ROW_COMPARISON,
            dialect.backend(),
            "a field of a record-valued expression: only fields of record literals render as SQL: "
            + e);
      }
      expr(r.fields().get(p.index()), expected);
    } else if (e instanceof Expr.Default) {
      out.append("DEFAULT");
    } else if (e instanceof Expr.Now now) {
      out.append(dialect.currentTime(now.type()));
    } else if (e instanceof Expr.Sql sql) {
      rawFragment(sql);
    } else if (e instanceof Expr.Case c) {
      caseOf(c, expected);
    } else {
      throw new IllegalArgumentException("model-level expression reached the SQL driver: " + e);
    }
  }

  /** The application's SQL text, its columns quoted and its values as markers, in parentheses. */
  private void rawFragment(Expr.Sql sql) {
    out.append('(');
    for (int i = 0; i < sql.pieces().size(); i++) {
      if (i > 0) {
        expr(sql.operands().get(i - 1), null);
      }
      out.append(sql.pieces().get(i));
    }
    out.append(')');
  }

  /**
   * {@code a op b}. A division or remainder of a non-NULL value by zero fails on every backend
   * ({@code DivisionByZeroException}): PostgreSQL and H2 fail by themselves; where the database
   * gives NULL (SQLite, MariaDB) the divisor is written as a check (see {@link #divisor}).
   */
  private void arith(Expr.Arith a, Type expected) {
    if (!dialect.integerOverflowFails() && a.op() != Expr.ArithOp.MOD
        && isInteger(typeOf(a.left())) && isInteger(typeOf(a.right()))) {
      checkedArith(a, expected);
    } else {
      plainArith(a, expected);
    }
  }

  /**
   * Integer {@code a op b} on a database whose overflow yields a REAL (SQLite): the result is
   * computed once in a scalar subquery and, if it came out a REAL, replaced by {@code abs()} of
   * the least integer, which fails with "integer overflow" (SQLite has no RAISE outside
   * triggers). The argument depends on the result so that SQLite cannot evaluate it once, as a
   * constant, before the first row.
   */
  private void checkedArith(Expr.Arith a, Type expected) {
    out.append("(SELECT CASE typeof(toasty_v) WHEN 'real' THEN abs(-9223372036854775807 - 1"
        + " + length(toasty_v) * 0) ELSE toasty_v END FROM (SELECT ");
    plainArith(a, expected);
    out.append(" AS toasty_v))");
  }

  private void plainArith(Expr.Arith a, Type expected) {
    Type left = typeOf(a.left());
    Type right = typeOf(a.right());
    Type type = left != null ? left : right != null ? right : expected;
    Type leftType = left != null ? left : type;
    Type rightType = right != null ? right : type;
    boolean divides = a.op() == Expr.ArithOp.DIV || a.op() == Expr.ArithOp.MOD;
    if (a.op() == Expr.ArithOp.MOD && dialect.modulo() == SqlDialect.Modulo.MOD_FUNCTION) {
      out.append("MOD(");
      expr(a.left(), leftType);
      out.append(", ");
      divisor(a.left(), leftType, a.right(), rightType);
      out.append(')');
      return;
    }
    wrappedUnlessAtom(a.left(), leftType);
    if (a.op() == Expr.ArithOp.DIV && isInteger(left) && isInteger(right)
        && dialect.integerDivision() == SqlDialect.IntegerDivision.DIV_KEYWORD) {
      out.append(" DIV ");
    } else {
      out.append(' ').append(a.op().symbol()).append(' ');
    }
    if (divides) {
      divisor(a.left(), leftType, a.right(), rightType);
    } else {
      wrappedUnlessAtom(a.right(), rightType);
    }
  }

  /**
   * The divisor {@code e} of {@code dividend}: as it is where the database fails on a zero
   * divisor, else {@code CASE WHEN e = 0 AND dividend IS NOT NULL THEN <failure> ELSE e END}, the
   * dialect's failure ({@link SqlDialect#divisionByZeroFailure}) raised only where SQL would
   * (a NULL dividend divides to NULL). The expressions are written again, markers included.
   */
  private void divisor(Expr dividend, Type dividendType, Expr e, Type type) {
    String failure = dialect.divisionByZeroFailure();
    if (failure == null) {
      wrappedUnlessAtom(e, type);
      return;
    }
    out.append("CASE WHEN ");
    wrappedUnlessAtom(e, type);
    out.append(" = 0 AND ");
    wrappedUnlessAtom(dividend, dividendType);
    out.append(" IS NOT NULL THEN ");
    String[] pieces = failure.split("\\{0\\}", -1);
    for (int i = 0; i < pieces.length; i++) {
      if (i > 0) {
        wrappedUnlessAtom(e, type);
      }
      out.append(pieces[i]);
    }
    out.append(" ELSE ");
    expr(e, type);
    out.append(" END");
  }

  /** Whether {@code t} is an integer type; an unknown type (a NULL) counts as one. */
  private static boolean isInteger(Type t) {
    return t == null || t instanceof Type.Scalar s && s.isInteger();
  }

  private void constant(Value v, Type expected) {
    if (v instanceof Value.Null) {
      out.append("NULL");
    } else if (v instanceof Value.Bool b) {
      out.append(dialect.booleanLiteral(b.value()));
    } else {
      marker(-1, v, expected != null ? expected : v.type());
    }
  }

  private void marker(int arg, Value constant, Type expected) {
    marker(arg, constant, expected, null);
  }

  private void marker(int arg, Value constant, Type expected, PatternBinding pattern) {
    marker(arg, constant, expected, pattern, null);
  }

  private void marker(int arg, Value constant, Type expected, PatternBinding pattern,
      RenderedSql.ArrayMarker array) {
    if (markers == argOrder.length) {
      argOrder = Arrays.copyOf(argOrder, markers * 2);
    }
    argOrder[markers++] = arg;
    markerTypes.add(expected);
    constants.add(constant);
    patterns.add(pattern);
    arrays.add(array);
    dialect.bindMarker(out, markers);
  }

  /** The text of the scalar at a path in a document; the path's keys are bound, never inlined. */
  private void jsonText(Expr.JsonText j) {
    switch (dialect.jsonStorage()) {
      case JSONB -> {
        out.append("jsonb_extract_path_text(");
        expr(j.operand(), null);
        for (String key : j.path()) {
          out.append(", ");
          marker(-1, new Value.Str(key), Type.Scalar.STRING);
        }
        out.append(')');
      }
      case JSON_VALUE -> {
        // MariaDB's JSON_VALUE answers true as 1: booleans by their JSON text instead
        out.append("CASE JSON_EXTRACT(");
        jsonArguments(j);
        out.append(") WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE JSON_VALUE(");
        jsonArguments(j);
        out.append(") END");
      }
      case TEXT_JSON_EXTRACT -> {
        // SQLite answers numbers and booleans as SQL values (true as 1): their JSON text instead
        out.append("CASE json_type(");
        jsonArguments(j);
        out.append(") WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(json_extract(");
        jsonArguments(j);
        out.append(") AS TEXT) END");
      }
      case TEXT -> throw new UnsupportedFeatureException(Feature.JSON_PATH, dialect.backend(),
          "a filter on a path inside a JSON document");
    }
  }

  /**
   * Whether a stored collection holds an item (a map a key), NULL where it is NULL: {@code = ANY}
   * of a PostgreSQL array, {@code jsonb_exists} of a map, {@code JSON_CONTAINS} on MariaDB, a
   * search of {@code json_each} on SQLite. The item is bound as any value of its type is, and
   * converted in the statement to what the storage holds (a JSON text, a UUID's text).
   */
  private void contains(Expr.Contains c) {
    boolean map = c.type().shape() == Type.CollectionOf.Shape.MAP;
    Type item = map ? Type.Scalar.STRING : c.type().item();
    if (dialect.collectionArrays() && !map) {
      expr(c.item(), item);
      out.append(" = ANY(");
      expr(c.operand(), null);
      out.append(')');
      return;
    }
    switch (dialect.jsonStorage()) {
      case JSONB -> {
        out.append("jsonb_exists(");
        expr(c.operand(), null);
        out.append(", ");
        expr(c.item(), item);
        out.append(')');
      }
      case JSON_VALUE -> {
        out.append(map ? "JSON_CONTAINS(JSON_KEYS(" : "JSON_CONTAINS(");
        expr(c.operand(), null);
        out.append(map ? "), " : ", ");
        jsonItemText(c.item(), item);
        out.append(')');
      }
      case TEXT_JSON_EXTRACT -> {
        out.append("CASE WHEN ");
        wrappedUnlessAtom(c.operand(), null);
        out.append(" IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM json_each(");
        expr(c.operand(), null);
        if (map) {
          out.append(") WHERE key = ");
          expr(c.item(), item);
        } else if (item == Type.Scalar.UUID) {
          // stored as the UUID's text, bound as its 16 bytes
          out.append(") WHERE replace(value, '-', '') = lower(hex(");
          expr(c.item(), item);
          out.append("))");
        } else {
          out.append(") WHERE value = ");
          expr(c.item(), item);
        }
        out.append(") END");
      }
      case TEXT -> throw new UnsupportedFeatureException(Feature.COLLECTION_ITEMS,
          dialect.backend(), "a filter on the items of a stored collection");
    }
  }

  /** An item as the JSON text {@code JSON_CONTAINS} looks for: quoted text, a number's digits. */
  private void jsonItemText(Expr e, Type item) {
    if (e instanceof Expr.Const k && k.value() instanceof Value.Bool b) {
      out.append(b.value() ? "'true'" : "'false'");
    } else if (item == Type.Scalar.STRING || item == Type.Scalar.UUID) {
      boolean bytes = item == Type.Scalar.UUID
          && dialect.uuidStorage() == SqlDialect.UuidStorage.BYTES;
      out.append(bytes ? "JSON_QUOTE(BIN_TO_UUID(" : "JSON_QUOTE(");
      expr(e, item);
      out.append(bytes ? "))" : ")");
    } else {
      out.append("CAST(");
      expr(e, item);
      out.append(" AS CHAR)");
    }
  }

  /**
   * A stored collection changed by the update: a PostgreSQL array with items added (appended to
   * a list; those it lacks added to a set, in their order) or removed (every item equal to one of
   * them, the others kept in order), the items bound once as an array; a list stored as JSON
   * appended to here; every other change (a map's, a JSON list's or set's) as
   * {@link JsonCollectionChanges} writes it.
   */
  private void collectionChange(Expr.CollectionChange c) {
    boolean listAppend = c.op() == Expr.ChangeOp.ADD
        && c.type().shape() == Type.CollectionOf.Shape.LIST;
    if (!dialect.collectionArrays() && listAppend) {
      jsonListAppend(c);
      return;
    }
    if (!dialect.collectionArrays() || c.type().shape() == Type.CollectionOf.Shape.MAP) {
      JsonCollectionChanges.render(this, dialect.jsonStorage(), c);
      return;
    }
    if (c.op() == Expr.ChangeOp.REMOVE) {
      out.append("CASE WHEN ");
      wrappedUnlessAtom(c.operand(), null);
      out.append(" IS NULL THEN NULL ELSE ARRAY(SELECT x FROM unnest(");
      expr(c.operand(), null);
      out.append(") WITH ORDINALITY AS t(x, i) WHERE x <> ALL(");
      expr(c.items(), c.type());
      out.append(") ORDER BY i) END");
      return;
    }
    out.append("array_cat(COALESCE(");
    expr(c.operand(), null);
    out.append(", '{}'), ");
    if (c.type().shape() == Type.CollectionOf.Shape.LIST) {
      expr(c.items(), c.type());
    } else {
      out.append("ARRAY(SELECT x FROM unnest(");
      expr(c.items(), c.type());
      out.append(") WITH ORDINALITY AS t(x, i) WHERE x <> ALL(COALESCE(");
      expr(c.operand(), null);
      out.append(", '{}')) ORDER BY i)");
    }
    out.append(')');
  }

  /**
   * A list stored as JSON with items appended, a NULL list becoming the items. MariaDB merges
   * the two arrays; elsewhere the stored text, which the engine wrote, is joined with the items'
   * text as it is, so no number or string is read and written again.
   */
  private void jsonListAppend(Expr.CollectionChange c) {
    if (dialect.jsonStorage() == JsonStorage.JSON_VALUE) {
      out.append("JSON_MERGE_PRESERVE(COALESCE(");
      expr(c.operand(), null);
      out.append(", '[]'), ");
      expr(c.items(), c.type());
      out.append(')');
      return;
    }
    out.append("CASE WHEN ");
    wrappedUnlessAtom(c.operand(), null);
    out.append(" IS NULL OR ");
    wrappedUnlessAtom(c.operand(), null);
    out.append(" = '[]' THEN ");
    expr(c.items(), c.type());
    out.append(" WHEN ");
    expr(c.items(), c.type());
    out.append(" = '[]' THEN ");
    expr(c.operand(), null);
    out.append(" ELSE SUBSTR(");
    expr(c.operand(), null);
    out.append(", 1, ").append(dialect.charLengthFunction()).append('(');
    expr(c.operand(), null);
    out.append(") - 1) || ',' || SUBSTR(");
    expr(c.items(), c.type());
    out.append(", 2) END");
  }

  // ---- for the renderings of other files (JsonCollectionChanges) -----------------------------

  /** The text written so far. */
  StringBuilder out() {
    return out;
  }

  /** Writes {@code e}; {@code expected} is the type a marker in its place binds as. */
  void part(Expr e, Type expected) {
    expr(e, expected);
  }

  /** Runs {@code body} with every column reference qualified by its table (in a subquery). */
  void qualified(Runnable body) {
    scopes.push("");
    body.run();
    scopes.pop();
  }

  /** The backend's name, for refusals. */
  String backend() {
    return dialect.backend();
  }

  /** Whether a stored collection is empty, NULL where it is NULL. */
  private void isEmpty(Expr.IsEmpty i) {
    boolean map = i.type().shape() == Type.CollectionOf.Shape.MAP;
    if (dialect.collectionArrays() && !map) {
      out.append("cardinality(");
      expr(i.operand(), null);
      out.append(") = 0");
      return;
    }
    switch (dialect.jsonStorage()) {
      case JSONB -> {
        wrappedUnlessAtom(i.operand(), null);
        out.append(" = '{}'::jsonb");
      }
      case JSON_VALUE -> {
        out.append("JSON_LENGTH(");
        expr(i.operand(), null);
        out.append(") = 0");
      }
      // Stored as the text the engine wrote, which for an empty collection is exactly this.
      case TEXT_JSON_EXTRACT, TEXT -> {
        wrappedUnlessAtom(i.operand(), null);
        out.append(map ? " = '{}'" : " = '[]'");
      }
    }
  }

  /** {@code doc, '$."a"."b"'}: a document and the path of a {@link Expr.JsonText}. */
  private void jsonArguments(Expr.JsonText j) {
    expr(j.operand(), null);
    out.append(", ");
    marker(-1, new Value.Str(JsonStorage.dollarPath(j.path())), Type.Scalar.STRING);
  }

  private void column(Expr.Column c) {
    TableSchema table = schema.table(c.table());
    if (!c.table().equals(scopes.peek())) {
      // A reference to an enclosing statement's table (a correlated subquery).
      ident(table.name());
      out.append('.');
    }
    ident(column(table, c.index()));
  }

  /**
   * {@code CASE operand WHEN .. THEN .. ELSE .. END}: each WHEN's marker typed as the operand,
   * each THEN's as what the CASE is expected to be (the assigned column's type).
   */
  private void caseOf(Expr.Case c, Type expected) {
    Type operand = typeOf(c.operand());
    Type result = expected != null ? expected : typeOf(c.otherwise());
    out.append("CASE ");
    wrappedUnlessAtom(c.operand(), null);
    for (int i = 0; i < c.whens().size(); i++) {
      out.append(" WHEN ");
      expr(c.whens().get(i), operand);
      out.append(" THEN ");
      expr(c.thens().get(i), result);
    }
    out.append(" ELSE ");
    expr(c.otherwise(), result);
    out.append(" END");
  }

  private void compare(Expr.Compare c) {
    Expr left = unwrapSingleton(c.left());
    Expr right = unwrapSingleton(c.right());
    if (left instanceof Expr.Record || right instanceof Expr.Record) {
      if (!(left instanceof Expr.Record l) || !(right instanceof Expr.Record r)
          || l.fields().size() != r.fields().size()) {
        throw new UnsupportedFeatureException(Feature.ROW_COMPARISON,
            dialect.backend(),
            "comparing a record with a different expression: both sides must be records of the "
            + "same size: " + c);
      }
      if (!dialect.rowValueComparison() && RowComparisons.orders(c.op())) {
        out.append('(');
        expr(RowComparisons.expand(c.op(), l.fields(), r.fields()), null);
        out.append(')');
        return;
      }
      if (!dialect.rowValuesKeepNullLogic() && !RowComparisons.orders(c.op())) {
        out.append('(');
        expr(RowEquality.compare(c.op(), l.fields(), r.fields()), null);
        out.append(')');
        return;
      }
      requireRowValues("record comparison");
      tuple(l.fields(), types(r.fields()));
      out.append(' ').append(c.op().symbol()).append(' ');
      tuple(r.fields(), types(l.fields()));
      return;
    }
    Type leftType = typeOf(left);
    Type rightType = typeOf(right);
    compareOperand(left, rightType);
    out.append(' ').append(c.op().symbol()).append(' ');
    compareOperand(right, leftType);
  }

  /** Equal, or both NULL: one switch over the dialect's spelling. */
  private void isNotDistinctFrom(Expr.IsNotDistinctFrom d) {
    Expr left = unwrapSingleton(d.left());
    Expr right = unwrapSingleton(d.right());
    String op = switch (dialect.nullSafeEquality()) {
      case IS_NOT_DISTINCT_FROM -> " IS NOT DISTINCT FROM ";
      case SPACESHIP -> " <=> ";
      case IS -> " IS ";
    };
    if (left instanceof Expr.Record || right instanceof Expr.Record) {
      if (!(left instanceof Expr.Record l) || !(right instanceof Expr.Record r)
          || l.fields().size() != r.fields().size()) {
        throw new UnsupportedFeatureException(Feature.ROW_COMPARISON,
            dialect.backend(),
            "comparing a record with a different expression: both sides must be records of the "
            + "same size: " + d);
      }
      requireRowValues("record comparison");
      tuple(l.fields(), types(r.fields()));
      out.append(op);
      tuple(r.fields(), types(l.fields()));
      return;
    }
    Type leftType = typeOf(left);
    Type rightType = typeOf(right);
    compareOperand(left, rightType);
    out.append(op);
    compareOperand(right, leftType);
  }

  /**
   * startsWith/endsWith/contains/like, case-sensitive or not: one switch over the dialect's
   * syntax. The bound value becomes the pattern (escaped, wildcards added) when bound.
   */
  private void pattern(Expr.Pattern p) {
    boolean glob = false;
    String before;
    String after;
    switch (dialect.patternSyntax()) {
      case LIKE_OR_ILIKE -> {
        before = "";
        after = p.ignoreCase() ? " ILIKE " : " LIKE ";
      }
      case LIKE_OR_LOWER_LIKE -> {
        before = p.ignoreCase() ? "LOWER(" : "";
        after = p.ignoreCase() ? ") LIKE LOWER(" : " LIKE ";
      }
      case GLOB_OR_LIKE -> {
        glob = !p.ignoreCase();
        before = "";
        after = glob ? " GLOB " : " LIKE ";
      }
      default -> throw new IllegalStateException();
    }
    out.append(before);
    wrappedUnlessAtom(p.operand(), null);
    out.append(after);
    patternValue(p, new PatternBinding(p.kind(), glob));
    if (dialect.patternSyntax() == SqlDialect.PatternSyntax.LIKE_OR_LOWER_LIKE) {
      if (p.ignoreCase()) {
        out.append(')');
      }
    } else if (!glob) {
      out.append(" ESCAPE '\\'");
    }
  }

  private void patternValue(Expr.Pattern p, PatternBinding binding) {
    Expr x = unwrapSingleton(p.pattern());
    if (x instanceof Expr.Arg a) {
      marker(a.index(), null, Type.Scalar.STRING, binding);
    } else if (x instanceof Expr.Const c && c.value() instanceof Value.Str s) {
      marker(-1, new Value.Str(binding.pattern(s.value())), Type.Scalar.STRING);
    } else if (x instanceof Expr.Const c && c.value().isNull()) {
      out.append("NULL");
    } else if (p.kind() == Expr.PatternKind.LIKE && !binding.glob()) {
      wrappedUnlessAtom(x, Type.Scalar.STRING);
    } else {
      throw new UnsupportedFeatureException(Feature.PATTERN_MATCH,
          dialect.backend(), "a " + p.kind()
          + " pattern that is not a value: match against a string value: " + p);
    }
  }

  private void inList(Expr.InList in) {
    if (in.items().isEmpty()) {
      out.append(dialect.booleanLiteral(false));
      return;
    }
    Expr operand = unwrapSingleton(in.operand());
    if (operand instanceof Expr.Record record) {
      requireRowValues("a record IN a list");
      List<Expr.Record> items = new ArrayList<>(in.items().size());
      for (Expr e : in.items()) {
        if (!(e instanceof Expr.Record item) || item.fields().size() != record.fields().size()) {
          throw new UnsupportedFeatureException(Feature.ROW_COMPARISON,
              dialect.backend(),
              "a record IN a list of non-records: each item must be a record of "
              + record.fields().size() + " fields: " + e);
        }
        items.add(item);
      }
      if (!dialect.rowValuesKeepNullLogic()) {
        out.append('(');
        expr(RowEquality.in(record.fields(), items), null);
        out.append(')');
        return;
      }
      List<Type> types = types(record.fields());
      tuple(record.fields(), null);
      out.append(" IN (");
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        tuple(items.get(i).fields(), types);
      }
      out.append(')');
      return;
    }
    Type type = typeOf(operand);
    if (bindsAsArray(type, in.items())) {
      wrappedUnlessAtom(operand, null);
      out.append(" = ANY(");
      marker(-1, null, type, null, new RenderedSql.ArrayMarker(argIndexes(in.items()), false));
      out.append(')');
      return;
    }
    wrappedUnlessAtom(operand, null);
    out.append(" IN (");
    for (int i = 0; i < in.items().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      expr(in.items().get(i), type);
    }
    out.append(')');
  }

  /** Whether a list of {@code items} compared with a column of {@code type} binds as one array. */
  private boolean bindsAsArray(Type type, List<Expr> items) {
    return dialect.inListBinding() == SqlDialect.InListBinding.ANY_ARRAY
        && arrayBindable(type, items);
  }

  /** The IN list among the top-level conditions of {@code filter} to render as a join, or null. */
  private Expr.InList joinedList(Expr filter) {
    if (dialect.inListBinding() != SqlDialect.InListBinding.UNNEST_JOIN) {
      return null;
    }
    Expr f = unwrapSingleton(filter);
    for (Expr term : f instanceof Expr.And and ? and.operands() : List.of(f)) {
      if (term instanceof Expr.InList in && unwrapSingleton(in.operand()) instanceof Expr.Column c
          && c.table().equals(scopes.peek()) && arrayBindable(typeOf(c), in.items())) {
        return in;
      }
    }
    return null;
  }

  /** {@code INNER JOIN joined ON joined.c = table.c AND ...}. */
  private void innerJoin(TableSchema table, Source.Join join) {
    TableSchema joined = schema.table(join.table());
    out.append(" INNER JOIN ");
    ident(joined.name());
    out.append(" ON ");
    for (int i = 0; i < join.columns().size(); i++) {
      out.append(i > 0 ? " AND " : "");
      ident(joined.name());
      out.append('.');
      ident(column(joined, join.columns().get(i)));
      out.append(" = ");
      ident(table.name());
      out.append('.');
      ident(column(table, join.on().get(i)));
    }
  }

  /** {@code UNNEST(?) AS "toasty_keys"("key") JOIN table ON table.column = "toasty_keys"."key"}. */
  private void unnestJoin(TableSchema table, Expr.InList in) {
    Expr.Column column = (Expr.Column) unwrapSingleton(in.operand());
    String key = "key";
    for (int n = 1; hasColumn(table, key); n++) {
      key = "key_" + n;
    }
    out.append("UNNEST(");
    marker(-1, null, typeOf(column), null, new RenderedSql.ArrayMarker(argIndexes(in.items()),
        true));
    out.append(") AS ");
    ident("toasty_keys");
    out.append('(');
    ident(key);
    out.append(") JOIN ");
    ident(table.name());
    out.append(" ON ");
    ident(table.name());
    out.append('.');
    ident(column(table, column.index()));
    out.append(" = ");
    ident("toasty_keys");
    out.append('.');
    ident(key);
  }

  /** The argument indexes of a list that {@link #arrayBindable} accepted. */
  private static int[] argIndexes(List<Expr> items) {
    int[] args = new int[items.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = ((Expr.Arg) items.get(i)).index();
    }
    return args;
  }

  private static boolean hasColumn(TableSchema table, String name) {
    return table.columns().stream().anyMatch(c -> c.name().equals(name));
  }

  /** {@code filter} without the top-level condition {@code term}. */
  private static Expr without(Expr filter, Expr term) {
    Expr f = unwrapSingleton(filter);
    if (!(f instanceof Expr.And and)) {
      return Expr.TRUE;
    }
    List<Expr> rest = new ArrayList<>(and.operands());
    rest.remove(term);
    return rest.size() == 1 ? rest.get(0) : new Expr.And(rest);
  }

  /** Whether a list of {@code items} compared with a column of {@code type} can be one array. */
  private boolean arrayBindable(Type type, List<Expr> items) {
    if (items.size() < 2 || items.size() > dialect.maxArrayLength()
        || !(type instanceof Type.Scalar scalar)) {
      return false;
    }
    boolean arrayType = switch (scalar) {
      case I16, I32, I64, STRING -> true;
      case UUID -> dialect.uuidStorage() == SqlDialect.UuidStorage.NATIVE;
      default -> false;
    };
    return arrayType && items.stream().allMatch(Expr.Arg.class::isInstance);
  }

  private void junction(List<Expr> operands, String separator, boolean isAnd) {
    if (operands.isEmpty()) {
      out.append(dialect.booleanLiteral(isAnd));
      return;
    }
    for (int i = 0; i < operands.size(); i++) {
      Expr operand = unwrapSingleton(operands.get(i));
      if (i > 0) {
        out.append(separator);
      }
      boolean nested = (operand instanceof Expr.And a && a.operands().size() > 1)
          || (operand instanceof Expr.Or o && o.operands().size() > 1);
      if (nested) {
        out.append('(');
      }
      expr(operand, Type.Scalar.BOOL);
      if (nested) {
        out.append(')');
      }
    }
  }

  /** {@code (a, b, ...)}, each field expecting the type at its position (when given). */
  private void tuple(List<Expr> fields, List<Type> expected) {
    out.append('(');
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      expr(fields.get(i), expected == null ? null : expected.get(i));
    }
    out.append(')');
  }

  /** An operand of a comparison: arithmetic binds tighter, conditions need parentheses. */
  private void compareOperand(Expr e, Type expected) {
    if (e instanceof Expr.Arith) {
      expr(e, expected);
    } else {
      wrappedUnlessAtom(e, expected);
    }
  }

  private void wrappedUnlessAtom(Expr e, Type expected) {
    Expr x = unwrapSingleton(e);
    boolean atom = x instanceof Expr.Const || x instanceof Expr.Arg || x instanceof Expr.Column
        || x instanceof Expr.Record || x instanceof Expr.Project || x instanceof Expr.Exists
        || x instanceof Expr.Default || x instanceof Expr.Now
        || (x instanceof Expr.And a && a.operands().isEmpty())
        || (x instanceof Expr.Or o && o.operands().isEmpty());
    if (!atom) {
      out.append('(');
    }
    expr(x, expected);
    if (!atom) {
      out.append(')');
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void requireRowValues(String what) {
    if (!dialect.rowValueComparison()) {
      throw new UnsupportedFeatureException(Feature.ROW_COMPARISON, dialect.backend(), what + ": "
          + "the backend has no row-value comparison");
    }
  }

  /** The type an expression evaluates to, when a column or constant says; else {@code null}. */
  private Type typeOf(Expr e) {
    Expr x = unwrapSingleton(e);
    if (x instanceof Expr.Column c) {
      TableSchema table = schema.table(c.table());
      checkColumn(table, c.index());
      return table.column(c.index()).type();
    }
    if (x instanceof Expr.Const c && !c.value().isNull()) {
      return c.value().type();
    }
    if (x instanceof Expr.Arith a) {
      Type l = typeOf(a.left());
      Type r = typeOf(a.right());
      return l == null ? r : r == null ? l : wider(l, r);
    }
    if (x instanceof Expr.Func f) {
      return f.op() == Expr.FuncOp.LENGTH ? Type.Scalar.I64 : Type.Scalar.STRING;
    }
    if (x instanceof Expr.JsonText) {
      return Type.Scalar.STRING;
    }
    if (x instanceof Expr.Now now) {
      return now.type();
    }
    if (x instanceof Expr.Case c) {
      return typeOf(c.otherwise());
    }
    if (x instanceof Expr.Aggregate a) {
      return a.op() == Expr.AggOp.MIN || a.op() == Expr.AggOp.MAX ? typeOf(a.operand())
          : aggregateType(a.op() == Expr.AggOp.COUNT || a.op() == Expr.AggOp.COUNT_ALL
              ? Expr.AggOp.SUM : a.op());
    }
    if (x instanceof Expr.Project p && p.base() instanceof Expr.Record r) {
      return typeOf(r.fields().get(p.index()));
    }
    return null;
  }

  /** The type arithmetic over {@code a} and {@code b} yields: decimal, then float, then integer. */
  private static Type wider(Type a, Type b) {
    for (Type t : List.of(Type.Scalar.DECIMAL, Type.Scalar.F64, Type.Scalar.F32, Type.Scalar.I64)) {
      if (a == t || b == t) {
        return t;
      }
    }
    return a;
  }

  private List<Type> types(List<Expr> exprs) {
    List<Type> types = new ArrayList<>(exprs.size());
    for (Expr e : exprs) {
      types.add(typeOf(e));
    }
    return types;
  }

  private static Expr unwrapSingleton(Expr e) {
    Expr x = e;
    while (true) {
      if (x instanceof Expr.And a && a.operands().size() == 1) {
        x = a.operands().get(0);
      } else if (x instanceof Expr.Or o && o.operands().size() == 1) {
        x = o.operands().get(0);
      } else {
        return x;
      }
    }
  }

  private static boolean isTrue(Expr e) {
    return (e instanceof Expr.Const c && c.value() instanceof Value.Bool b && b.value())
        || (e instanceof Expr.And a && a.operands().isEmpty());
  }

  private TableSchema table(Source source) {
    if (!(source instanceof Source.Table t)) {
      throw new IllegalArgumentException("model-level statement reached the SQL driver: "
          + source);
    }
    return schema.table(t.table());
  }

  private static String column(TableSchema table, int index) {
    checkColumn(table, index);
    return table.column(index).name();
  }

  private static void checkColumn(TableSchema table, int index) {
    if (index < 0 || index >= table.columns().size()) {
      throw new IllegalArgumentException("table " + table.name() + " has no column #" + index);
    }
  }

  private void ident(String name) {
    dialect.quoteIdentifier(out, name);
  }
}
