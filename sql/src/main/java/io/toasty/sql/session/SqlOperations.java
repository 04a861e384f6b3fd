package io.toasty.sql.session;

import io.toasty.Feature;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.DriverException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * What an SQL connection runs, by kind of operation: the dispatch every SQL transport (R2DBC,
 * Vert.x) shares ({@link #run}), each statement given the Mono that first sets the session's
 * statement timeout from the operation's Context.
 */
public interface SqlOperations {

  /** BEGIN, COMMIT, ROLLBACK or a savepoint's statement, in its turn. */
  Mono<ExecResponse> transaction(Operation.Transaction t);

  /** A rendered statement (a query's or an insert's), run after {@code limit}. */
  Mono<ExecResponse> statement(StatementNode statement, List<Value> args, List<Type> rowType,
      Mono<Void> limit);

  /** An application's raw statement, run after {@code limit}. */
  Mono<ExecResponse> raw(Operation.RawSql r, Mono<Void> limit);

  /** A path query (one recursive CTE), run after {@code limit}. */
  Mono<ExecResponse> path(Operation.PathQuery p, Mono<Void> limit);

  /** Whether the connection was closed: it runs nothing more. */
  boolean isClosed();

  /**
   * {@code operation} run by {@code on}, the session's timeout set first from the Context it
   * runs in; an operation an SQL driver does not run is refused with {@code Feature.SQL}, and
   * any operation of a closed connection fails with a {@link DriverException}.
   */
  static Mono<ExecResponse> run(Operation operation, SqlOperations on, SessionTimeout timeout,
      String backend) {
    Objects.requireNonNull(operation, "operation");
    if (on.isClosed()) {
      return Mono.error(new DriverException(backend, null, "the connection was closed", null));
    }
    if (operation instanceof Operation.Transaction t) {
      return on.transaction(t);
    }
    if (operation instanceof Operation.QuerySql q) {
      return Mono.deferContextual(cx -> on.statement(q.statement(), q.args(), q.rowType(),
          timeout.before(cx)));
    }
    if (operation instanceof Operation.Insert i) {
      return Mono.deferContextual(cx -> on.statement(i.statement(), i.args(), i.rowType(),
          timeout.before(cx)));
    }
    if (operation instanceof Operation.RawSql r) {
      return Mono.deferContextual(cx -> on.raw(r, timeout.before(cx)));
    }
    if (operation instanceof Operation.PathQuery p) {
      return Mono.deferContextual(cx -> on.path(p, timeout.before(cx)));
    }
    return Mono.error(new UnsupportedFeatureException(Feature.SQL, backend,
        operation.getClass().getSimpleName() + ": "
        + "an SQL driver runs QuerySql, Insert and Transaction operations"));
  }

  /** The columns an update computes from expressions (arithmetic), for range errors. */
  static List<Integer> computedColumns(StatementNode statement) {
    if (!(statement instanceof UpdateNode u)) {
      return List.of();
    }
    return u.assignments().stream()
        .filter(a -> a.value() instanceof ExprNode.Arith)
        .map(Assignment::target).toList();
  }

  /**
   * Whether {@code statement} is an upsert whose database may report a lost race for a new key
   * as a unique violation ({@link UpsertRetry}): all but MySQL's {@code ON DUPLICATE KEY}.
   */
  static boolean mayLoseRace(StatementNode statement, SqlDialect dialect) {
    return statement instanceof InsertNode i && i.onConflict() != null
        && dialect.upsertSyntax() != SqlDialect.UpsertSyntax.ON_DUPLICATE_KEY;
  }

  /**
   * The savepoint's name; drivers splice it into SQL unquoted, so only plain names pass.
   *
   * @throws IllegalArgumentException for another name, or none
   */
  static String savepoint(Operation.Transaction t) {
    String name = t.savepoint();
    if (name == null || !SavepointNames.PLAIN.matcher(name).matches()) {
      throw new IllegalArgumentException(t.kind() + " needs a savepoint name of letters, digits "
          + "and underscores, not " + name);
    }
    return name;
  }

  /** Holds the pattern, an interface having no private fields. */
  final class SavepointNames {
    static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SavepointNames() {}
  }
}
