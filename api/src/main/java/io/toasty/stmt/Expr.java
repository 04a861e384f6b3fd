package io.toasty.stmt;

import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * An untyped expression: plain data, compared by value, transformed by the planner's passes.
 *
 * <p>{@link Field} names a model field (model level); {@link Column} names a table column (after
 * lowering). {@link Const} holds a literal; the planner replaces literals with {@link Arg} slots so
 * that one compiled plan serves every query of the same shape.
 */
public sealed interface Expr {

  /** The constant {@code true}: a filter that matches every row. */
  Const TRUE = new Const(Value.TRUE);
  /** The constant {@code false}: a filter that matches no row. */
  Const FALSE = new Const(Value.FALSE);
  /** The constant {@code null}. */
  Const NULL = new Const(Value.NULL);

  /** A literal value. */
  record Const(Value value) implements Expr {
    public Const {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The {@code index}th argument of a compiled plan. */
  record Arg(int index) implements Expr {}

  /** A model's field, by its index in the model (the record component's position). */
  record Field(String model, int index) implements Expr {
    public Field {
      Objects.requireNonNull(model, "model");
    }
  }

  /** A table's column, by its index in the table. */
  record Column(String table, int index) implements Expr {
    public Column {
      Objects.requireNonNull(table, "table");
    }
  }

  /** {@code left op right}; SQL semantics: a comparison with NULL is unknown. */
  record Compare(CompareOp op, Expr left, Expr right) implements Expr {
    public Compare {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /** Arithmetic, for update expressions such as {@code count = count + 1}. */
  record Arith(ArithOp op, Expr left, Expr right) implements Expr {
    public Arith {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /** Conjunction; empty means true. */
  record And(List<Expr> operands) implements Expr {
    public And {
      operands = List.copyOf(operands);
    }
  }

  /** Disjunction; empty means false. */
  record Or(List<Expr> operands) implements Expr {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /** Negation. */
  record Not(Expr operand) implements Expr {
    public Not {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** {@code operand IS NULL}. */
  record IsNull(Expr operand) implements Expr {
    public IsNull {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /**
   * {@code left IS NOT DISTINCT FROM right}: equality in which NULL equals NULL and a comparison
   * is never unknown.
   */
  record IsNotDistinctFrom(Expr left, Expr right) implements Expr {
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
  record Pattern(PatternKind kind, Expr operand, Expr pattern, boolean ignoreCase)
      implements Expr {
    public Pattern {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(pattern, "pattern");
    }
  }

  /** What a {@link Pattern} matches. */
  enum PatternKind { STARTS_WITH, ENDS_WITH, CONTAINS, LIKE }

  /** {@code operand IN (items...)}; an empty list matches nothing. */
  record InList(Expr operand, List<Expr> items) implements Expr {
    public InList {
      Objects.requireNonNull(operand, "operand");
      items = List.copyOf(items);
    }
  }

  /** {@code operand IN (SELECT ...)}; the query returns one expression per row. */
  record InSubquery(Expr operand, Query query) implements Expr {
    public InSubquery {
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(query, "query");
    }
  }

  /** {@code EXISTS (SELECT ...)}. */
  record Exists(Query query) implements Expr {
    public Exists {
      Objects.requireNonNull(query, "query");
    }
  }

  /** A tuple of expressions, e.g. a composite key {@code (a, b)}. */
  record Record(List<Expr> fields) implements Expr {
    public Record {
      fields = List.copyOf(fields);
    }

    /** A record of the given expressions. */
    public static Record of(Expr... fields) {
      return new Record(List.of(fields));
    }
  }

  /** The {@code index}th field of a record-valued expression. */
  record Project(Expr base, int index) implements Expr {
    public Project {
      Objects.requireNonNull(base, "base");
    }
  }

  /** In an insert row: the field's default (a declared default, a generated key, or NULL). */
  record Default() implements Expr {}

  /**
   * A relation predicate, before association rewriting: {@code quantifier} of the records reached
   * through {@code relation} (a relation field of the filtered model) match {@code filter} (over
   * the related model's fields). {@code ANY}: at least one does; {@code NONE}: none does;
   * {@code EVERY}: none fails to (so a record with no related record matches). The planner
   * rewrites it into {@code IN (SELECT ..)} semi-joins over keys.
   */
  record Related(Field relation, Quantifier quantifier, Expr filter) implements Expr {
    public Related {
      Objects.requireNonNull(relation, "relation");
      Objects.requireNonNull(quantifier, "quantifier");
      Objects.requireNonNull(filter, "filter");
    }
  }

  /**
   * A nested statement, at model level only. In an insert row, the slot of a relation field holds
   * the insert of the related records to create with the row (a nested create): for a has-many
   * or has-one relation, the children, whose foreign key the planner fills with the new row's
   * key; for a belongs-to relation, the parent, created first, whose key fills the row's foreign
   * key.
   */
  record Stmt(Statement statement) implements Expr {
    public Stmt {
      Objects.requireNonNull(statement, "statement");
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
    ADD("+"), SUB("-");

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
  static Expr and(Expr a, Expr b) {
    return new And(List.of(a, b));
  }

  /** {@code a OR b}. */
  static Expr or(Expr a, Expr b) {
    return new Or(List.of(a, b));
  }

  /** {@code a = b}. */
  static Expr eq(Expr a, Expr b) {
    return new Compare(CompareOp.EQ, a, b);
  }

  /** A literal. */
  static Const of(Value v) {
    return new Const(v);
  }
}
