package io.toasty.driver;

import io.toasty.stmt.Assignment;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Statement;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * The closed set of things a driver is asked to do. SQL backends implement {@link QuerySql},
 * {@link Insert} and {@link Transaction}; key-value backends implement the key operations. A
 * driver answers an operation it does not implement with an {@code UnsupportedFeatureException}.
 *
 * <p>Statements and expressions here are table level: sources are tables, references are columns,
 * and values are {@link Expr.Arg} slots filled from {@code args}, so one operation template serves
 * every execution of a cached plan.
 */
public sealed interface Operation {

  /**
   * A table-level query, update or delete, serialized by the driver's SQL dialect.
   *
   * @param rowType the type of each returned column, for decoding; empty for a count
   */
  record QuerySql(Statement statement, List<Value> args, List<Type> rowType) implements Operation {
    public QuerySql {
      Objects.requireNonNull(statement, "statement");
      args = List.copyOf(args);
      rowType = List.copyOf(rowType);
    }
  }

  /**
   * A table-level insert of one or many rows. With {@code Returning.Keys} the driver returns, per
   * row, the values the database generated for those columns.
   */
  record Insert(io.toasty.stmt.Insert statement, List<Value> args, List<Type> rowType)
      implements Operation {
    public Insert {
      Objects.requireNonNull(statement, "statement");
      args = List.copyOf(args);
      rowType = List.copyOf(rowType);
    }
  }

  /** Begin, commit or roll back a transaction, or work with a savepoint. */
  record Transaction(Kind kind, Isolation isolation, boolean readOnly, String savepoint)
      implements Operation {
    public Transaction {
      Objects.requireNonNull(kind, "kind");
    }

    /** What to do. */
    public enum Kind { BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE_SAVEPOINT, ROLLBACK_TO_SAVEPOINT }

    /** Isolation levels; {@code null} keeps the backend's default. */
    public enum Isolation { READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE }
  }

  /** Read the rows with these primary keys (each a record of key values, in key order). */
  record GetByKey(String table, List<Integer> columns, List<Value.Record> keys)
      implements Operation {
    public GetByKey {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      keys = List.copyOf(keys);
    }
  }

  /**
   * Read rows by a condition on the primary key (partition key equality, sort key range), with a
   * further {@code filter} on other columns ({@link Expr#TRUE} for none), in ascending sort key
   * order, or descending when {@code forward} is false.
   */
  record QueryPk(String table, List<Integer> columns, Expr keyCondition, Expr filter,
      List<Value> args, boolean forward) implements Operation {
    public QueryPk {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      Objects.requireNonNull(keyCondition, "keyCondition");
      Objects.requireNonNull(filter, "filter");
      args = List.copyOf(args);
    }

    /** A read in ascending sort key order. */
    public QueryPk(String table, List<Integer> columns, Expr keyCondition, Expr filter,
        List<Value> args) {
      this(table, columns, keyCondition, filter, args, true);
    }
  }

  /** Find the primary keys of rows through a secondary index. */
  record FindPkByIndex(String table, String index, Expr keyCondition, Expr filter,
      List<Value> args) implements Operation {
    public FindPkByIndex {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(index, "index");
      Objects.requireNonNull(keyCondition, "keyCondition");
      Objects.requireNonNull(filter, "filter");
      args = List.copyOf(args);
    }
  }

  /** Delete the rows with these keys that also match {@code filter}. */
  record DeleteByKey(String table, List<Value.Record> keys, Expr filter, List<Value> args)
      implements Operation {
    public DeleteByKey {
      Objects.requireNonNull(table, "table");
      keys = List.copyOf(keys);
      Objects.requireNonNull(filter, "filter");
      args = List.copyOf(args);
    }
  }

  /**
   * Update the rows with these keys that also match {@code filter}; with {@code returning}, the
   * updated rows' {@code columns} come back.
   */
  record UpdateByKey(String table, List<Value.Record> keys, List<Assignment> assignments,
      Expr filter, List<Value> args, boolean returning, List<Integer> columns)
      implements Operation {
    public UpdateByKey {
      Objects.requireNonNull(table, "table");
      keys = List.copyOf(keys);
      assignments = List.copyOf(assignments);
      Objects.requireNonNull(filter, "filter");
      args = List.copyOf(args);
      columns = List.copyOf(columns);
    }
  }

  /** Read every row of a table that matches {@code filter}. */
  record Scan(String table, List<Integer> columns, Expr filter, List<Value> args)
      implements Operation {
    public Scan {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      Objects.requireNonNull(filter, "filter");
      args = List.copyOf(args);
    }
  }
}
