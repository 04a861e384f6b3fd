package io.toasty;

import io.toasty.driver.Operation;
import io.toasty.error.UniqueViolationException;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * A PartiQL statement with named parameters, DynamoDB's escape hatch for what the typed API
 * cannot say ({@code ExecuteStatement}):
 * {@code db.partiql("SELECT * FROM \"users\" WHERE \"email\" = :email").bind("email", v)}. The
 * binding rules are raw SQL's ({@link SqlStatement}): values travel only as the statement's
 * {@code ?} parameters, in order, never in the text; every parameter must be bound and every
 * binding used. A table is named by its schema name; the driver adds its table prefix. A backend
 * without PartiQL (every SQL database, Neo4j) refuses it with {@link Feature#PARTIQL} before its
 * driver sees anything. Immutable; nothing runs until subscription, and every error is a signal.
 *
 * <p>{@link #rows()} are the items a SELECT returns, read page by page as they are consumed: the
 * columns are the select list when it names attributes ({@code SELECT "name", "nickname"}), an
 * attribute an item lacks being NULL; for {@code SELECT *} of a table of the schema, its columns
 * in field order, then any other attribute; otherwise the item's attributes by name. An
 * attribute that is a column of the statement's table is decoded as its field's type, any other
 * by its DynamoDB type. {@link #execute()} runs an INSERT, UPDATE or DELETE: 1 for the item
 * written, 0 when its condition failed (an UPDATE or DELETE whose WHERE names a key and another
 * condition the item does not meet, or an UPDATE of an item that does not exist), as a typed
 * update counts a failed condition; an INSERT of a key that exists is a
 * {@link UniqueViolationException}.
 *
 * <pre>{@code
 * Flux<Row> rows = db.partiql("SELECT \"name\" FROM \"users\" WHERE \"id\" = :id")
 *     .bind("id", id).rows();
 * Flux<User> users = db.partiql("SELECT * FROM \"users\" WHERE \"login_count\" > :n")
 *     .bind("n", 3).as(Users.MODEL);
 * Mono<Long> written = db.partiql("UPDATE \"users\" SET \"login_count\" = :c WHERE \"id\" = :id")
 *     .bind("c", 0).bind("id", id).execute();
 * }</pre>
 */
public final class PartiqlStatement extends TableStatement {
  private static final String LANGUAGE = "PartiQL";

  private final String statement;
  private final Map<String, Object> bindings;

  /** {@code statement} to run on {@code executor}; {@code Db.partiql(..)} uses it. */
  public PartiqlStatement(Executor executor, String statement) {
    this(executor, statement, Map.of());
  }

  private PartiqlStatement(Executor executor, String statement, Map<String, Object> bindings) {
    super(executor);
    this.statement = Objects.requireNonNull(statement, "statement");
    this.bindings = bindings;
  }

  /**
   * This statement with {@code value} bound to {@code :name} (every occurrence), encoded as the
   * backend stores a field of its type (a UUID or an instant as DynamoDB holds it); null binds
   * PartiQL's NULL.
   */
  @Override
  public PartiqlStatement bind(String name, @Nullable Object value) {
    return new PartiqlStatement(executor, statement, BoundText.with(bindings, name, value));
  }

  @Override
  String language() {
    return LANGUAGE;
  }

  @Override
  Flux<Value.Record> run(boolean rows, @Nullable String table, List<Integer> columns) {
    return Flux.defer(() -> {
      var refusal = executor.partiqlRefusal();
      if (refusal.isPresent()) {
        return Flux.error(refusal.get());
      }
      BoundText text = BoundText.of(LANGUAGE, statement, bindings);
      return executor.execPartiql(new Operation.Partiql(text.pieces(), text.args(), rows, table,
          columns));
    });
  }

  @Override
  public String toString() {
    return "PartiqlStatement[" + statement + "]";
  }
}
