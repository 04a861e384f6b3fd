package io.toasty.driver;

import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.PathNode;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The closed set of things a driver is asked to do. SQL backends implement {@link QuerySql}, {@link
 * Insert} and {@link Transaction}; key-value backends implement the key operations. A driver
 * answers an operation it does not implement with an {@code UnsupportedFeatureException}.
 *
 * <p>Statements and expressions here are table level: sources are tables, references are columns,
 * and values are {@link ExprNode.Arg} slots filled from {@code args}, so one operation template
 * serves every execution of a cached plan.
 */
public sealed interface Operation {

  /**
   * A table-level query, update or delete, serialized by the driver's SQL dialect.
   *
   * @param rowType the type of each returned column, for decoding; empty for a count
   */
  record QuerySql(StatementNode statement, List<Value> args, List<Type> rowType)
      implements Operation {
    public QuerySql {
      Objects.requireNonNull(statement, "statement");
      args = List.copyOf(args);
      rowType = List.copyOf(rowType);
    }
  }

  /**
   * A table-level path query ({@link PathNode} after the planner's path pass), sent only where
   * {@code Capability.pathQueries()}: the driver answers {@link ExecResponse.Rows}, one record
   * per row reached, of the source table's columns in order and then the path's length (a
   * {@code Value.I64}), decoded as {@code rowType}.
   */
  record PathQuery(PathNode statement, List<Value> args, List<Type> rowType)
      implements Operation {
    public PathQuery {
      Objects.requireNonNull(statement, "statement");
      args = List.copyOf(args);
      rowType = List.copyOf(rowType);
    }
  }

  /**
   * A table-level insert of one or many rows. With {@code Returning.Keys} the driver returns, per
   * row, the values the database generated for those columns.
   */
  record Insert(InsertNode statement, List<Value> args, List<Type> rowType)
      implements Operation {
    public Insert {
      Objects.requireNonNull(statement, "statement");
      args = List.copyOf(args);
      rowType = List.copyOf(rowType);
    }
  }

  /** Begin, commit or roll back a transaction, or work with a savepoint. */
  record Transaction(Kind kind, @Nullable Isolation isolation, boolean readOnly,
      @Nullable String savepoint)
      implements Operation {
    public Transaction {
      Objects.requireNonNull(kind, "kind");
    }

    /** What to do. */
    public enum Kind { BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE_SAVEPOINT, ROLLBACK_TO_SAVEPOINT }

    /** Isolation levels; {@code null} keeps the backend's default. */
    public enum Isolation { READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE }
  }

  /**
   * Several key operations as one atomic request, answered by an {@link ExecResponse.Each}
   * with one response per operation, in order: either every one a {@link GetByKey} (one
   * consistent read of every item, DynamoDB's TransactGetItems) or every one an {@link Insert},
   * {@link UpdateByKey} or {@link DeleteByKey} (all or nothing, DynamoDB's TransactWriteItems).
   * An update or delete whose record is missing or fails its filter fails the whole request
   * (with a {@code RecordNotFoundException}) instead of counting zero. Key-value drivers
   * implement it; the engine sends it only where {@code Capability.maxAtomicWriteItems} is set.
   */
  record Atomic(List<Operation> operations) implements Operation {
    public Atomic {
      operations = List.copyOf(operations);
      if (operations.isEmpty()) {
        throw new IllegalArgumentException("an atomic request of no operations");
      }
    }
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
   * further {@code filter} on other columns ({@link ExprNode#TRUE} for none), in ascending sort key
   * order, or descending when {@code forward} is false. {@code pageSize}, when above 0, is how
   * many rows the engine will take at most (a limit it applies itself): a hint for how many
   * items each request should read, the stream still going on while rows are asked for.
   */
  record QueryPk(String table, List<Integer> columns, ExprNode keyCondition, ExprNode filter,
      List<Value> args, boolean forward, long pageSize) implements Operation {
    public QueryPk {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      Objects.requireNonNull(keyCondition, "keyCondition");
      Objects.requireNonNull(filter, "filter");
      args = List.copyOf(args);
    }

    /** A read without a page size hint. */
    public QueryPk(String table, List<Integer> columns, ExprNode keyCondition, ExprNode filter,
        List<Value> args, boolean forward) {
      this(table, columns, keyCondition, filter, args, forward, 0);
    }

    /** A read in ascending sort key order. */
    public QueryPk(String table, List<Integer> columns, ExprNode keyCondition, ExprNode filter,
        List<Value> args) {
      this(table, columns, keyCondition, filter, args, true);
    }
  }

  /**
   * Find the primary keys of rows through a secondary index: one key record per row. With
   * {@code columns} (the query accepted an eventually consistent read), each row's
   * {@code columns} instead, in that order, taken from the index where it holds a copy of the
   * items (one eventually consistent index read) and else read by key. Rows come in the index's
   * sort key order, descending when {@code forward} is false; {@code pageSize}, when above 0, is
   * how many rows the engine will take at most (as for {@link QueryPk}): a hint for how many
   * items each request reads, the stream going on while rows are asked for.
   */
  record FindPkByIndex(String table, String index, ExprNode keyCondition, ExprNode filter,
      List<Value> args, List<Integer> columns, boolean forward, long pageSize)
      implements Operation {
    public FindPkByIndex {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(index, "index");
      Objects.requireNonNull(keyCondition, "keyCondition");
      Objects.requireNonNull(filter, "filter");
      args = List.copyOf(args);
      columns = List.copyOf(columns);
    }

    /** A read in ascending index sort key order, without a page size hint. */
    public FindPkByIndex(String table, String index, ExprNode keyCondition, ExprNode filter,
        List<Value> args, List<Integer> columns) {
      this(table, index, keyCondition, filter, args, columns, true, 0);
    }

    /** A lookup of keys. */
    public FindPkByIndex(String table, String index, ExprNode keyCondition, ExprNode filter,
        List<Value> args) {
      this(table, index, keyCondition, filter, args, List.of());
    }
  }

  /** Delete the rows with these keys that also match {@code filter}. */
  record DeleteByKey(String table, List<Value.Record> keys, ExprNode filter, List<Value> args)
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
      ExprNode filter, List<Value> args, boolean returning, List<Integer> columns)
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
  record Scan(String table, List<Integer> columns, ExprNode filter, List<Value> args)
      implements Operation {
    public Scan {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      Objects.requireNonNull(filter, "filter");
      args = List.copyOf(args);
    }
  }

  /**
   * A raw statement the application wrote ({@code db.sql(..)}): {@code text} is the statement
   * cut at its bind markers, so {@code text.size() == args.size() + 1}; the driver joins the
   * pieces with its own markers ({@code $1}, {@code ?}) and binds {@code args} in order. Values
   * never enter the text. With {@code returnsRows} the driver answers {@link ExecResponse.Rows}
   * whose every record is {@code (labels, values)}: field 0 a record of the column labels as
   * strings, field 1 a record of the row's values, column {@code i} decoded as
   * {@code rowType.get(i)} (or as the driver's own type of the column when {@code rowType} is
   * empty); else {@link ExecResponse.Count} of the affected rows.
   */
  record RawSql(List<String> text, List<Value> args, boolean returnsRows, List<Type> rowType)
      implements Operation {
    public RawSql {
      text = List.copyOf(text);
      args = List.copyOf(args);
      rowType = List.copyOf(rowType);
      if (text.size() != args.size() + 1) {
        throw new IllegalArgumentException(text.size() + " pieces of text for " + args.size()
            + " values: there must be one more piece than values");
      }
    }
  }

  /**
   * A PartiQL statement the application wrote ({@code db.partiql(..)}), sent only where
   * {@code Capability.partiql()}: {@code text} is the statement cut at its parameters, which the
   * driver joins with {@code ?} and binds {@code args} in order (values never enter the text). A
   * table named in the text by its schema name is the driver's table of that name (with its
   * prefix). With {@code returnsRows} the driver answers {@link ExecResponse.Rows}, reading every
   * page lazily: each record is, when {@code table} is null, {@code (labels, values)} as
   * {@link RawSql}'s rows, else the item's {@code columns} of {@code table} decoded as the
   * columns' types (as a {@link Scan} of those columns answers). Without it the driver answers
   * {@link ExecResponse.Count}: 1 for the item written, 0 when the statement's condition failed.
   */
  record Partiql(List<String> text, List<Value> args, boolean returnsRows, @Nullable String table,
      List<Integer> columns) implements Operation {
    public Partiql {
      text = List.copyOf(text);
      args = List.copyOf(args);
      columns = List.copyOf(columns);
      if (text.size() != args.size() + 1) {
        throw new IllegalArgumentException(text.size() + " pieces of text for " + args.size()
            + " values: there must be one more piece than values");
      }
    }
  }

  /**
   * A Cypher statement the application wrote ({@code db.cypher(..)}), sent only where
   * {@code Capability.cypher()}: {@code text} is sent as it is, with its {@code $name} parameters
   * bound from {@code params} (values never enter the text). With {@code returnsRows} the driver
   * answers {@link ExecResponse.Rows}: each record is, when {@code table} is null,
   * {@code (labels, values)} as {@link RawSql}'s rows, else the {@code columns} of {@code table}
   * read by name from the row (a single node or map column: from its properties) and decoded as
   * the columns' types. Without it the driver answers {@link ExecResponse.Count} of the nodes and
   * relationships the statement created, deleted or changed.
   */
  record RawCypher(String text, Map<String, Value> params, boolean returnsRows,
      @Nullable String table, List<Integer> columns) implements Operation {
    public RawCypher {
      Objects.requireNonNull(text, "text");
      params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
      columns = List.copyOf(columns);
    }
  }

  /**
   * How many rows {@code read} (a {@link Scan} or {@link QueryPk}) would return, counted by the
   * backend without returning them (DynamoDB: {@code Select=COUNT}, summed over every page); the
   * driver answers {@code ExecResponse.Count}. A driver that cannot count a read answers with an
   * {@code UnsupportedFeatureException}; the planner sends this only to key-value backends.
   */
  record Count(Operation read) implements Operation {
    public Count {
      Objects.requireNonNull(read, "read");
      if (!(read instanceof Scan || read instanceof QueryPk)) {
        throw new IllegalArgumentException("a count reads through a Scan or QueryPk, not " + read);
      }
    }
  }
}
