package io.toasty.sql.ddl;

import io.toasty.sql.dialect.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DDL of change streams on PostgreSQL: one function, {@value #FUNCTION}, and per table of a
 * model with {@code @Model(changes = true)} an {@code AFTER INSERT OR UPDATE OR DELETE} row
 * trigger, {@value #TRIGGER}, that calls it with the table's key columns. The function sends
 * {@code pg_notify(channel, payload)} on the table's channel, {@value #CHANNEL_PREFIX} and the
 * md5 of its schema and name (a channel is per database, and a name is at most 63 bytes), which
 * {@link #CHANNEL_QUERY} answers for a listener; PostgreSQL delivers a notification when (and only if)
 * its transaction commits, in commit order, and a transaction's in the order it sent them
 * (PostgreSQL's {@code NOTIFY} page). The payload is {@link ChangePayload}'s:
 * {@code <op> <xid> <n> <len>:<key part>...}, where {@code n} counts the transaction's
 * notifications, so that two equal changes of one transaction are not folded into one (which
 * PostgreSQL does to notifications of equal payload). An update of the key is a delete of the
 * old key and an insert of the new.
 */
public final class ChangeTriggerDdl {
  /** The function every change trigger calls. */
  public static final String FUNCTION = "toasty_notify_change";
  /** The trigger's name on each table (trigger names are per table on PostgreSQL). */
  public static final String TRIGGER = "toasty_changes";
  /** The channel's name: this, then the md5 of {@code <schema>.<table>}. */
  public static final String CHANNEL_PREFIX = "toasty_";
  private static final String CHANNEL_PREFIX_SQL = "'" + CHANNEL_PREFIX + "' || ";

  /**
   * The query that answers, for the table its one parameter names (resolved as the session's
   * search path resolves it), its channel and whether it has the change trigger; no row when
   * there is no such table.
   */
  public static final String CHANNEL_QUERY = "SELECT " + CHANNEL_PREFIX_SQL
      + "md5(n.nspname || '.' || c.relname), EXISTS (SELECT 1 FROM pg_trigger t"
      + " WHERE t.tgrelid = c.oid AND t.tgname = '" + TRIGGER + "') FROM pg_class c"
      + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass($1)";

  private ChangeTriggerDdl() {}

  /**
   * What makes {@code table} report its changes where {@code dialect} has change streams: the
   * functions the triggers share (once per run of DDL is enough: {@code withFunctions} false
   * leaves them out), then the table's trigger over its {@code keyColumns}; nothing elsewhere.
   * Schema push and migrations both write this.
   */
  public static List<DdlStatement> follow(SqlDialect dialect, String table,
      List<String> keyColumns, boolean withFunctions) {
    if (!dialect.capability().changeStreams()) {
      return List.of();
    }
    List<DdlStatement> out = new ArrayList<>();
    if (withFunctions) {
      out.add(new DdlStatement.ChangeFunction(true));
      out.add(new DdlStatement.ChangeFunction(false));
    }
    out.add(new DdlStatement.ChangeTrigger(table, keyColumns));
    return out;
  }

  /** What stops {@code table} reporting its changes ({@link #follow} undone); else nothing. */
  public static List<DdlStatement> unfollow(SqlDialect dialect, String table) {
    return dialect.capability().changeStreams()
        ? List.of(new DdlStatement.ChangeTriggerDrop(table)) : List.of();
  }

  /** {@code CREATE OR REPLACE FUNCTION} of the function the triggers share. */
  static String function(SqlDialect dialect) {
    requireChangeStreams(dialect);
    return "CREATE OR REPLACE FUNCTION " + FUNCTION + "() RETURNS trigger LANGUAGE plpgsql AS"
        + " $toasty$\n"
        + "DECLARE\n"
        + "  n jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;\n"
        + "  o jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;\n"
        + "  nk text := ''; ok text := ''; v text; i int;\n"
        + "  channel text := " + CHANNEL_PREFIX_SQL
        + "md5(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME);\n"
        + "BEGIN\n"
        + "  FOR i IN 0 .. TG_NARGS - 1 LOOP\n"
        + "    IF n IS NOT NULL THEN v := n ->> TG_ARGV[i];"
        + " nk := nk || ' ' || length(v) || ':' || v; END IF;\n"
        + "    IF o IS NOT NULL THEN v := o ->> TG_ARGV[i];"
        + " ok := ok || ' ' || length(v) || ':' || v; END IF;\n"
        + "  END LOOP;\n"
        + "  IF TG_OP = 'UPDATE' AND nk = ok THEN\n"
        + "    PERFORM pg_notify(channel, 'U ' || " + FUNCTION + "_mark() || nk);\n"
        + "  ELSE\n"
        + "    IF o IS NOT NULL THEN\n"
        + "      PERFORM pg_notify(channel, 'D ' || " + FUNCTION + "_mark() || ok);\n"
        + "    END IF;\n"
        + "    IF n IS NOT NULL THEN\n"
        + "      PERFORM pg_notify(channel, 'I ' || " + FUNCTION + "_mark() || nk);\n"
        + "    END IF;\n"
        + "  END IF;\n"
        + "  RETURN NULL;\n"
        + "END $toasty$";
  }

  /**
   * {@code CREATE OR REPLACE FUNCTION} of the mark a notification starts with: the transaction's
   * id and its count of notifications so far (a setting local to the transaction).
   */
  static String markFunction(SqlDialect dialect) {
    requireChangeStreams(dialect);
    return "CREATE OR REPLACE FUNCTION " + FUNCTION + "_mark() RETURNS text LANGUAGE sql AS"
        + " $toasty$ SELECT txid_current() || ' ' || set_config('toasty.change_count',"
        + " (coalesce(nullif(current_setting('toasty.change_count', true), ''), '0')::bigint + 1)"
        + "::text, true) $toasty$";
  }

  /** {@code CREATE OR REPLACE TRIGGER} on {@code quotedTable}, naming its key columns. */
  static String trigger(SqlDialect dialect, String quotedTable, List<String> keyColumns) {
    requireChangeStreams(dialect);
    String columns = keyColumns.stream().map(c -> "'" + c.replace("'", "''") + "'")
        .collect(Collectors.joining(", "));
    return "CREATE OR REPLACE TRIGGER " + TRIGGER + " AFTER INSERT OR UPDATE OR DELETE ON "
        + quotedTable + " FOR EACH ROW EXECUTE FUNCTION " + FUNCTION + "(" + columns + ")";
  }

  /** {@code DROP TRIGGER IF EXISTS} of the change trigger on {@code quotedTable}. */
  static String dropTrigger(SqlDialect dialect, String quotedTable) {
    requireChangeStreams(dialect);
    return "DROP TRIGGER IF EXISTS " + TRIGGER + " ON " + quotedTable;
  }

  private static void requireChangeStreams(SqlDialect dialect) {
    if (!dialect.capability().changeStreams()) {
      throw new IllegalArgumentException("no change triggers on " + dialect.backend());
    }
  }
}
