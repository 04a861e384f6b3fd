package io.toasty.stmt;

import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An untyped expression: plain data, compared by value, transformed by the planner's passes.
 *
 * <p>{@link Field} names a model field (model level); {@link Column} names a table column (after
 * lowering). {@link Const} holds a literal; the planner replaces literals with {@link Arg} slots so
 * that one compiled plan serves every query of the same shape.
 */
public sealed interface ExprNode {

  /** The constant {@code true}: a filter that matches every row. */
  Const TRUE = new Const(Value.TRUE);
  /** The constant {@code false}: a filter that matches no row. */
  Const FALSE = new Const(Value.FALSE);
  /** The constant {@code null}. */
  Const NULL = new Const(Value.NULL);

  /** A literal value. */
  record Const(Value value) implements ExprNode {
    public Const {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The {@code index}th argument of a compiled plan. */
  record Arg(int index) implements ExprNode {}

  /** A model's field, by its index in the model (the record component's position). */
  record Field(String model, int index) implements ExprNode {
    public Field {
      Objects.requireNonNull(model, "model");
    }
  }

  /** A table's column, by its index in the table. */
  record Column(String table, int index) implements ExprNode {
    public Column {
      Objects.requireNonNull(table, "table");
    }
  }

  /**
   * In a correlated subquery, {@code operand} (a field, or after lowering the columns that store
   * it) read from the enclosing statement's row rather than the subquery's own: the two may be
   * rows of one model, as in a self relation's count per record,
   * {@code (SELECT COUNT(*) FROM employees AS s WHERE s.manager_id = employees.id)}. Written by
   * the planner in a {@link Scalar}'s filter only.
   */
  record Outer(ExprNode operand) implements ExprNode {
    public Outer {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** {@code left op right}; SQL semantics: a comparison with NULL is unknown. */
  record Compare(CompareOp op, ExprNode left, ExprNode right) implements ExprNode {
    public Compare {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /**
   * Arithmetic over numbers, in filters, orders and update assignments ({@code count = count + 1}).
   * SQL semantics: NULL if either side is NULL; integer division truncates toward zero; a division
   * or remainder of a non-NULL value by zero fails ({@code DivisionByZeroException}) on every
   * backend; an overflow is an error.
   */
  record Arith(ArithOp op, ExprNode left, ExprNode right) implements ExprNode {
    public Arith {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /** Conjunction; empty means true. */
  record And(List<ExprNode> operands) implements ExprNode {
    public And {
      operands = List.copyOf(operands);
    }
  }

  /** Disjunction; empty means false. */
  record Or(List<ExprNode> operands) implements ExprNode {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /** Negation. */
  record Not(ExprNode operand) implements ExprNode {
    public Not {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** {@code operand IS NULL}. */
  record IsNull(ExprNode operand) implements ExprNode {
    public IsNull {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /**
   * {@code left IS NOT DISTINCT FROM right}: equality in which NULL equals NULL and a comparison
   * is never unknown.
   */
  record IsNotDistinctFrom(ExprNode left, ExprNode right) implements ExprNode {
    public IsNotDistinctFrom {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /**
   * A string match. For {@link PatternKind#STARTS_WITH}, {@code ENDS_WITH} and {@code CONTAINS}
   * the pattern is literal text (a {@code %} in it matches a {@code %}); for {@code LIKE} it is an
   * SQL LIKE pattern where {@code %} matches any run, {@code _} any one character, and a
   * backslash escapes the next character, on every backend.
   *
   * @param ignoreCase whether letters match regardless of case
   */
  record Pattern(PatternKind kind, ExprNode operand, ExprNode pattern, boolean ignoreCase)
      implements ExprNode {
    public Pattern {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(pattern, "pattern");
    }
  }

  /** What a {@link Pattern} matches. */
  enum PatternKind { STARTS_WITH, ENDS_WITH, CONTAINS, LIKE }

  /** {@code operand IN (items...)}; an empty list matches nothing. */
  record InList(ExprNode operand, List<ExprNode> items) implements ExprNode {
    public InList {
      Objects.requireNonNull(operand, "operand");
      items = List.copyOf(items);
    }
  }

  /**
   * {@code CASE operand WHEN whens[0] THEN thens[0] ... ELSE otherwise END}: the {@code then} of
   * the first {@code when} equal to {@code operand} (a NULL operand equals none), else
   * {@code otherwise}. The engine writes it for updates by key answered together
   * ({@code DbBuilder.coalesceUpdates}): one assignment {@code SET f = CASE key WHEN k1 THEN v1
   * .. ELSE f END} gives each row its own request's value, and {@code otherwise} being the field
   * itself both keeps any other row as it is and gives the expression the field's type.
   */
  record Case(ExprNode operand, List<ExprNode> whens, List<ExprNode> thens, ExprNode otherwise)
      implements ExprNode {
    public Case {
      Objects.requireNonNull(operand, "operand");
      whens = List.copyOf(whens);
      thens = List.copyOf(thens);
      Objects.requireNonNull(otherwise, "otherwise");
      if (whens.isEmpty() || whens.size() != thens.size()) {
        throw new IllegalArgumentException("a CASE needs one THEN per WHEN, and one WHEN at least");
      }
    }

    /**
     * Writes this expression to {@code out} in the syntax SQL and Cypher share, each operand
     * written by {@code operand} (which appends it to the same {@code out}).
     */
    public void write(StringBuilder out, Consumer<ExprNode> operand) {
      out.append("CASE ");
      operand.accept(this.operand);
      for (int i = 0; i < whens.size(); i++) {
        out.append(" WHEN ");
        operand.accept(whens.get(i));
        out.append(" THEN ");
        operand.accept(thens.get(i));
      }
      out.append(" ELSE ");
      operand.accept(otherwise);
      out.append(" END");
    }
  }

  /** {@code operand IN (SELECT ...)}; the query returns one expression per row. */
  record InSubquery(ExprNode operand, Query query) implements ExprNode {
    public InSubquery {
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(query, "query");
    }
  }

  /** A scalar function of one operand; NULL when the operand is NULL. */
  record Func(FuncOp op, ExprNode operand) implements ExprNode {
    public Func {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(operand, "operand");
    }
  }

  /**
   * Scalar functions: {@code LOWER} and {@code UPPER} of text (letters outside ASCII are folded
   * as the database folds them: SQLite folds ASCII only, the engine as Java's {@code Locale.ROOT}),
   * {@code LENGTH} of text in characters (code points).
   */
  enum FuncOp { LOWER, UPPER, LENGTH }

  /**
   * The text of the scalar at {@code path} (object keys from the top) inside a JSON document, NULL
   * when there is none: {@code ->>}/{@code #>>} on PostgreSQL, {@code JSON_VALUE} on MariaDB,
   * {@code json_extract} on SQLite. The planner refuses it with {@code Feature.JSON_PATH} where
   * {@code Capability.jsonPaths()} is false.
   */
  record JsonText(ExprNode operand, List<String> path) implements ExprNode {
    public JsonText {
      Objects.requireNonNull(operand, "operand");
      path = List.copyOf(path);
    }
  }

  /**
   * Whether a stored collection holds {@code item}: an item of a list or set equal to it, a key
   * of a map; NULL when the collection is NULL. The planner refuses it with
   * {@code Feature.COLLECTION_ITEMS} where the backend evaluates filters itself and
   * {@code Capability.queryForms().collectionItems()} is false.
   *
   * @param type the collection's type, which the backends' renderings depend on
   */
  record Contains(ExprNode operand, Type.CollectionOf type, ExprNode item)
      implements ExprNode {
    public Contains {
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(item, "item");
    }
  }

  /**
   * A stored collection with {@code items} added or removed, as an update assigns it without
   * reading the row: {@link ChangeOp#ADD} appends to a list and adds to a set what it lacks (a
   * NULL collection becomes the items), {@link ChangeOp#REMOVE} drops every item equal to one of
   * them (a NULL collection stays NULL); of a map, {@link ChangeOp#PUT} puts the entries of
   * {@code items} (an {@code Entries} value; a NULL map becomes them) and
   * {@link ChangeOp#REMOVE_KEYS} drops the entries of the keys {@code items} lists (a list of
   * text; a NULL map stays NULL). The planner refuses it with {@code Feature.COLLECTION_CHANGE}
   * where {@code Capability.queryForms().collectionChanges()} does not cover it.
   */
  record CollectionChange(ChangeOp op, ExprNode operand, Type.CollectionOf type,
      ExprNode items) implements ExprNode {
    public CollectionChange {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(items, "items");
    }

    /** The type of {@link #items()}: the collection's, or a list of text for map keys. */
    public Type.CollectionOf itemsType() {
      return op == ChangeOp.REMOVE_KEYS ? new Type.CollectionOf(
          Type.CollectionOf.Shape.LIST, Type.Scalar.STRING)
          : type;
    }
  }

  /** What a {@link CollectionChange} does with its items. */
  enum ChangeOp { ADD, REMOVE, PUT, REMOVE_KEYS }

  /**
   * Whether a stored collection has no item (no entry); NULL when the collection is NULL.
   *
   * @param type the collection's type, which the backends' renderings depend on
   */
  record IsEmpty(ExprNode operand, Type.CollectionOf type) implements ExprNode {
    public IsEmpty {
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * An aggregate over the rows of a group (all matching rows without a group by), only in a
   * {@link Returning.Grouped}'s expressions and having. SQL semantics: NULLs are skipped; SUM,
   * AVG, MIN and MAX of no value are NULL; COUNT of none is 0. {@code operand} is ignored for
   * {@link AggOp#COUNT_ALL}.
   */
  record Aggregate(AggOp op, ExprNode operand, boolean distinct) implements ExprNode {
    public Aggregate {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(operand, "operand");
    }
  }

  /**
   * Aggregate functions and their result types: COUNT_ALL and COUNT are {@code I64}; SUM of
   * integers {@code I64}, SUM_DOUBLE {@code F64}, SUM_DECIMAL {@code DECIMAL}; AVG {@code F64},
   * AVG_DECIMAL {@code DECIMAL}; MIN and MAX the operand's type.
   */
  enum AggOp { COUNT_ALL, COUNT, SUM, SUM_DOUBLE, SUM_DECIMAL, AVG, AVG_DECIMAL, MIN, MAX }

  /** {@code EXISTS (SELECT ...)}. */
  record Exists(Query query) implements ExprNode {
    public Exists {
      Objects.requireNonNull(query, "query");
    }
  }

  /** A tuple of expressions, e.g. a composite key {@code (a, b)}. */
  record Record(List<ExprNode> fields) implements ExprNode {
    public Record {
      fields = List.copyOf(fields);
    }

    /** A record of the given expressions. */
    public static Record of(ExprNode... fields) {
      return new Record(List.of(fields));
    }
  }

  /** The {@code index}th field of a record-valued expression. */
  record Project(ExprNode base, int index) implements ExprNode {
    public Project {
      Objects.requireNonNull(base, "base");
    }
  }

  /** In an insert row: the field's default (a declared default, a generated key, or NULL). */
  record Default() implements ExprNode {}

  /**
   * The database's current time as a value of {@code type} (a {@code Db} in database-time mode
   * fills {@code @CreatedAt}, {@code @UpdatedAt} and {@code now()} fields with it). Table level
   * only, in insert rows and assignments; only SQL drivers receive it, and render it truncated
   * to microseconds, in UTC for the types without an offset.
   */
  record Now(Type type) implements ExprNode {
    public Now {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A relation predicate, before association rewriting: {@code quantifier} of the records reached
   * through {@code relation} (a relation field of the filtered model) match {@code filter} (over
   * the related model's fields). {@code ANY}: at least {@code atLeast} do; {@code NONE}: fewer
   * than {@code atLeast} do (none, when it is 1); {@code EVERY} ({@code atLeast} 1): none fails
   * to (so a record with no related record matches). The planner rewrites it into
   * {@code IN (SELECT ..)} semi-joins over keys, grouped and counted when {@code atLeast > 1}.
   * {@code atLeast} is part of the statement's shape, not a parameter.
   */
  record Related(Field relation, Quantifier quantifier, ExprNode filter, long atLeast)
      implements ExprNode {
    public Related {
      Objects.requireNonNull(relation, "relation");
      Objects.requireNonNull(quantifier, "quantifier");
      Objects.requireNonNull(filter, "filter");
      if (atLeast < 1 || (quantifier == Quantifier.EVERY && atLeast != 1)) {
        throw new IllegalArgumentException(quantifier + " of at least " + atLeast
            + " related records");
      }
    }

    /** {@code quantifier} of one related record: any, none or every. */
    public Related(Field relation, Quantifier quantifier, ExprNode filter) {
      this(relation, quantifier, filter, 1);
    }

    /** How it reads in plans: {@code ANY}, {@code AT LEAST 3}, {@code FEWER THAN 3}. */
    public String quantity() {
      return atLeast == 1 ? quantifier.name()
          : (quantifier == Quantifier.ANY ? "AT LEAST " : "FEWER THAN ") + atLeast;
    }

    /** The same predicate over {@code otherFilter}. */
    public Related withFilter(ExprNode otherFilter) {
      return new Related(relation, quantifier, otherFilter, atLeast);
    }
  }

  /**
   * An aggregate of the records reached through {@code relation} (a relation field of the queried
   * model) that match {@code filter} (over the related model's fields), one value per record:
   * {@code aggregate} is over the related model's fields ({@code COUNT(*)}: how many). Model level
   * only: the planner rewrites it into a correlated {@link Scalar} subquery. A record with no
   * related record counts 0; every other aggregate is NULL for it.
   */
  record RelatedAggregate(Field relation, ExprNode filter, Aggregate aggregate)
      implements ExprNode {
    public RelatedAggregate {
      Objects.requireNonNull(relation, "relation");
      Objects.requireNonNull(filter, "filter");
      Objects.requireNonNull(aggregate, "aggregate");
    }
  }

  /**
   * A scalar subquery: the one value of the one row {@code query} returns (its projection is one
   * aggregate, so there is exactly one row), NULL when that value is. Correlated: the query's
   * filter may read the enclosing statement's fields (or columns).
   */
  record Scalar(Query query) implements ExprNode {
    public Scalar {
      Objects.requireNonNull(query, "query");
    }
  }

  /**
   * A nested statement, at model level only. In an insert row, the slot of a relation field holds
   * the insert of the related records to create with the row (a nested create): for a has-many
   * or has-one relation, the children, whose foreign key the planner fills with the new row's
   * key; for a belongs-to relation, the parent, created first, whose key fills the row's foreign
   * key.
   */
  record Stmt(StatementNode statement) implements ExprNode {
    public Stmt {
      Objects.requireNonNull(statement, "statement");
    }
  }

  /**
   * A raw SQL fragment inside a typed statement ({@code io.toasty.Expr.sql(..)}): {@code pieces} of
   * the application's SQL text around {@code operands} (paths, which lower to columns the dialect
   * quotes, and values, which become bind markers); {@code pieces.size() == operands.size() + 1}.
   * Its text is part of a statement's shape. {@code unbound} names the parameters no value was
   * bound to (their operands are NULL placeholders): the planner refuses a fragment with any. Only
   * SQL backends run it.
   */
  record Sql(List<String> pieces, List<ExprNode> operands, List<String> unbound)
      implements ExprNode {
    public Sql {
      pieces = List.copyOf(pieces);
      operands = List.copyOf(operands);
      unbound = List.copyOf(unbound);
      if (pieces.size() != operands.size() + 1) {
        throw new IllegalArgumentException("one more piece of text than operands");
      }
    }
  }

  /** How many related records a {@link Related} predicate asks for. */
  enum Quantifier { ANY, NONE, EVERY }

  /** Comparison operators. */
  enum CompareOp {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    CompareOp(String symbol) {
      this.symbol = symbol;
    }

    /** The SQL symbol. */
    public String symbol() {
      return symbol;
    }

    /** The operator that holds when the operands are swapped ({@code a < b} iff {@code b > a}). */
    public CompareOp commute() {
      return switch (this) {
        case EQ, NE -> this;
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
      };
    }

    /** The operator that holds exactly when this one does not (for non-null operands). */
    public CompareOp negate() {
      return switch (this) {
        case EQ -> NE;
        case NE -> EQ;
        case LT -> GE;
        case LE -> GT;
        case GT -> LE;
        case GE -> LT;
      };
    }
  }

  /** Arithmetic operators. */
  enum ArithOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%");

    private final String symbol;

    ArithOp(String symbol) {
      this.symbol = symbol;
    }

    /** The SQL symbol. */
    public String symbol() {
      return symbol;
    }
  }

  /** {@code a AND b} (a convenience for builders; the simplifier flattens nesting). */
  static ExprNode and(ExprNode a, ExprNode b) {
    return new And(List.of(a, b));
  }

  /** {@code a OR b}. */
  static ExprNode or(ExprNode a, ExprNode b) {
    return new Or(List.of(a, b));
  }

  /** {@code a = b}. */
  static ExprNode eq(ExprNode a, ExprNode b) {
    return new Compare(CompareOp.EQ, a, b);
  }

  /** A literal. */
  static Const of(Value v) {
    return new Const(v);
  }
}
