package io.toasty.migrate.apply;

import io.toasty.error.UniqueViolationException;
import io.toasty.migrate.render.SqlChoices;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The history table {@code toasty_schema_history} on an SQL database: a row per migration
 * applied (or in progress, with the number of its steps in effect).
 */
final class SqlHistory {
  /** The history table's name. */
  static final String TABLE = "toasty_schema_history";
  private static final List<Type> ROW = List.of(Type.Scalar.I32, Type.Scalar.STRING,
      Type.Scalar.STRING, Type.Scalar.I32, Type.Scalar.I32);

  private final SqlSession session;
  private final String table;
  private final SqlChoices choices;

  SqlHistory(SqlSession session, SqlChoices choices) {
    this.session = session;
    this.choices = choices;
    this.table = q(choices, TABLE);
  }

  static String q(SqlChoices choices, String name) {
    StringBuilder out = new StringBuilder();
    choices.dialect().quoteIdentifier(out, name);
    return out.toString();
  }

  /**
   * Makes the table if it is missing. Outside the lock (reading the history) a concurrent
   * creator may win the race; its unique violation on the catalog means the table now exists.
   */
  Mono<Void> create() {
    return createIfMissing().onErrorResume(UniqueViolationException.class,
        e -> Mono.empty());
  }

  private Mono<Void> createIfMissing() {
    return session.update("CREATE TABLE IF NOT EXISTS " + table + " (" + q(choices, "version")
        + " INTEGER NOT NULL PRIMARY KEY, " + q(choices, "name") + " VARCHAR(255) NOT NULL, "
        + q(choices, "checksum") + " VARCHAR(64) NOT NULL, " + q(choices, "steps_done")
        + " INTEGER NOT NULL, " + q(choices, "complete") + " INTEGER NOT NULL, "
        + q(choices, "applied_at") + " VARCHAR(40) NOT NULL)").then();
  }

  Mono<List<HistoryRow>> rows() {
    return session.query("SELECT " + q(choices, "version") + ", " + q(choices, "name") + ", "
            + q(choices, "checksum") + ", " + q(choices, "steps_done") + ", "
            + q(choices, "complete") + " FROM " + table + " ORDER BY " + q(choices, "version"), ROW)
        .map(r -> new HistoryRow(num(r.get(0)), (String) column(r.get(1)),
            (String) column(r.get(2)), num(r.get(3)), num(r.get(4)) == 1))
        .collectList();
  }

  Mono<Void> insert(int version, String name, String checksum, int stepsDone, boolean complete) {
    return session.update(List.of("INSERT INTO " + table + " (" + q(choices, "version") + ", "
            + q(choices, "name") + ", " + q(choices, "checksum") + ", " + q(choices, "steps_done")
            + ", " + q(choices, "complete") + ", " + q(choices, "applied_at") + ") VALUES (", ", ",
            ", ", ", ", ", ", ", ", ")"),
        List.of(new Value.I32(version), new Value.Str(name), new Value.Str(checksum),
            new Value.I32(stepsDone), new Value.I32(complete ? 1 : 0),
            new Value.Str(Instant.now().toString()))).then();
  }

  Mono<Void> progress(int version, int stepsDone, boolean complete) {
    return session.update(List.of("UPDATE " + table + " SET " + q(choices, "steps_done") + " = ",
            ", " + q(choices, "complete") + " = ", " WHERE " + q(choices, "version") + " = ", ""),
        List.of(new Value.I32(stepsDone), new Value.I32(complete ? 1 : 0),
            new Value.I32(version))).then();
  }

  Mono<Void> delete(int version) {
    return session.update(List.of("DELETE FROM " + table + " WHERE " + q(choices, "version")
        + " = ", ""), List.of(new Value.I32(version))).then();
  }

  private static int num(Value v) {
    return ((Number) column(v)).intValue();
  }

  /** A value of the history table, whose columns are all NOT NULL. */
  private static Object column(Value v) {
    return Objects.requireNonNull(v.toJava(), () -> "a NOT NULL column of the history table "
        + "read NULL");
  }
}
