package io.toasty.sql.render;

import static io.toasty.sql.render.ExprTypes.unwrapSingleton;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.Schema;
import io.toasty.schema.db.TableSchema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of one rendering, shared by the clause and expression renderers: the SQL text, each
 * bind marker (its argument and expected type) recorded as it is written, the tables in scope
 * and what the statement returns. The renderers reach one another's expressions only through
 * {@link #expr}, so none of them refers back to the one that called it.
 */
final class SqlContext {
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
  private @Nullable InsertEcho echo;
  @SuppressWarnings("NullAway.Init") // set by writeExprsWith before the first expression
  private ExprWriter exprs;

  SqlContext(SqlDialect dialect, Schema schema) {
    this.dialect = dialect;
    this.schema = schema;
  }

  /** Sets the writer of expressions, once, before the first is written. */
  void writeExprsWith(ExprWriter exprs) {
    this.exprs = exprs;
  }

  /** The rendering: the text and markers written, with what the statement returns. */
  RenderedSql rendered(boolean rows) {
    return new RenderedSql(out.toString(), Arrays.copyOf(argOrder, markers),
        markerTypes.toArray(new Type[0]), constants.toArray(new Value[0]),
        patterns.toArray(new PatternBinding[0]), arrays.toArray(new RenderedSql.ArrayMarker[0]),
        generatedColumns, returnTypes, rows, echo);
  }

  /** The text written so far. */
  StringBuilder out() {
    return out;
  }

  SqlDialect dialect() {
    return dialect;
  }

  Schema schema() {
    return schema;
  }

  /** How many markers are written so far. */
  int markers() {
    return markers;
  }

  /** The type of each column the statement returns. */
  void returnTypes(List<Type> types) {
    returnTypes = types;
  }

  /** The generated columns the driver asks back after an insert (no RETURNING clause). */
  void generatedColumns(List<String> names) {
    generatedColumns = names;
  }

  /** The plan for echoing the values an insert sent in place of reading them back. */
  void echo(@Nullable InsertEcho plan) {
    echo = plan;
  }

  /** The table a column reference in the innermost statement names without qualifying it. */
  String scope() {
    return scopes.peek();
  }

  void pushScope(String table) {
    scopes.push(table);
  }

  void popScope() {
    scopes.pop();
  }

  /** How many statements enclose the one being written (0 at the top). */
  int depth() {
    return scopes.size();
  }

  /** Whether an enclosing statement reads {@code table}. */
  boolean inScope(String table) {
    return scopes.contains(table);
  }

  /** Writes {@code e}; {@code expected} is the type a marker in its place binds as. */
  void expr(ExprNode e, @Nullable Type expected) {
    exprs.expr(e, expected);
  }

  /** The type an expression evaluates to, when a column or constant says; else {@code null}. */
  @Nullable Type typeOf(ExprNode e) {
    return ExprTypes.typeOf(schema, e);
  }

  void marker(int arg, @Nullable Value constant, @Nullable Type expected) {
    marker(arg, constant, expected, null);
  }

  void marker(int arg, @Nullable Value constant, @Nullable Type expected,
      @Nullable PatternBinding pattern) {
    marker(arg, constant, expected, pattern, null);
  }

  void marker(int arg, @Nullable Value constant, @Nullable Type expected,
      @Nullable PatternBinding pattern, RenderedSql.@Nullable ArrayMarker array) {
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

  /** {@code (a, b, ...)}, each field expecting the type at its position (when given). */
  void tuple(List<ExprNode> fields, @Nullable List<Type> expected) {
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
  void compareOperand(ExprNode e, @Nullable Type expected) {
    if (e instanceof ExprNode.Arith) {
      expr(e, expected);
    } else {
      wrappedUnlessAtom(e, expected);
    }
  }

  void wrappedUnlessAtom(ExprNode e, @Nullable Type expected) {
    ExprNode x = unwrapSingleton(e);
    boolean atom =
        x instanceof ExprNode.Const
            || x instanceof ExprNode.Arg
            || x instanceof ExprNode.Column
            || x instanceof ExprNode.Outer o && o.operand() instanceof ExprNode.Column
            || x instanceof ExprNode.Record
            || x instanceof ExprNode.Project
            || x instanceof ExprNode.Exists
            || x instanceof ExprNode.Scalar
            || x instanceof ExprNode.Default
            || x instanceof ExprNode.Now
            || (x instanceof ExprNode.And a && a.operands().isEmpty())
            || (x instanceof ExprNode.Or o && o.operands().isEmpty());
    if (!atom) {
      out.append('(');
    }
    expr(x, expected);
    if (!atom) {
      out.append(')');
    }
  }

  void requireRowValues(String what) {
    if (!dialect.rowValueComparison()) {
      throw new UnsupportedFeatureException(Feature.ROW_COMPARISON, dialect.backend(), what + ": "
          + "the backend has no row-value comparison");
    }
  }

  List<Type> types(List<ExprNode> exprs) {
    List<Type> types = new ArrayList<>(exprs.size());
    for (ExprNode e : exprs) {
      types.add(typeOf(e));
    }
    return types;
  }

  TableSchema table(Source source) {
    if (!(source instanceof Source.Table t)) {
      throw new IllegalArgumentException("model-level statement reached the SQL driver: "
          + source);
    }
    return schema.table(t.table());
  }

  void ident(String name) {
    dialect.quoteIdentifier(out, name);
  }
}
