package io.toasty.sql.ddl;

import io.toasty.sql.dialect.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DDL of change streams on PostgreSQL: a change log, {@value #LOG} (with its sequence,
 * {@value #SEQUENCE}, and the mark of how far it was trimmed, {@value #TRIM}), the functions
 * {@value #FUNCTION}, {@value #RECORD} and {@value #TRIM_FUNCTION}, and per table of a model
 * with {@code @Model(changes = true)} a deferred constraint trigger, {@value #TRIGGER}, that
 * calls {@value #FUNCTION} with the table's key columns for each row inserted, updated or
 * deleted. Deferred, the trigger runs as its transaction commits; {@value #RECORD} then takes a
 * transaction-scoped advisory lock ({@value #LOCK}), so that the log's sequence numbers are
 * given in commit order (a transaction that committed later has a greater one), writes the
 * change to the log, and sends {@code pg_notify(channel, payload)} on the table's channel,
 * {@value #CHANNEL_PREFIX} and the md5 of its schema and name (a channel is per database, and a
 * name is at most 63 bytes), which {@link #CHANNEL_QUERY} answers for a listener. PostgreSQL
 * delivers a notification when (and only if) its transaction commits, in commit order
 * (PostgreSQL's {@code NOTIFY} page). The payload is {@link ChangePayload}'s:
 * {@code <op> <xid> <seq> <len>:<key part>...}; the log row holds the same parts, so that a
 * stream resumed after a sequence number reads the log, then the live notifications, and drops
 * by sequence number what it read twice. An update of the key is a delete of the old key and an
 * insert of the new.
 */
public final class ChangeTriggerDdl {
  /** The function every change trigger calls. */
  public static final String FUNCTION = "toasty_notify_change";
  /** The function that logs and notifies one change, in commit order. */
  public static final String RECORD = "toasty_record_change";
  /** The change log: one row per change, by sequence number. */
  public static final String LOG = "toasty_change_log";
  /** The sequence of the log's numbers. */
  public static final String SEQUENCE = "toasty_change_seq";
  /** The one-row table of the greatest sequence number trimmed from the log. */
  public static final String TRIM = "toasty_change_trim";
  /** The function that trims the log: {@code SELECT toasty_trim_changes(interval '7 days')}. */
  public static final String TRIM_FUNCTION = "toasty_trim_changes";
  /** The advisory lock key that orders the log's sequence numbers by commit. */
  public static final long LOCK = 7_356_117_702_316_214_585L;
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
      for (Shared part : Shared.values()) {
        out.add(new DdlStatement.ChangeFunction(part));
      }
    }
    out.add(new DdlStatement.ChangeTrigger(table, keyColumns));
    return out;
  }

  /** What stops {@code table} reporting its changes ({@link #follow} undone); else nothing. */
  public static List<DdlStatement> unfollow(SqlDialect dialect, String table) {
    return dialect.capability().changeStreams()
        ? List.of(new DdlStatement.ChangeTriggerDrop(table)) : List.of();
  }

  /**
   * What the change triggers share, each created if missing (the log) or replaced (the
   * functions), so that push may run them again; in the order they are created.
   */
  public enum Shared {
    /** The log, its sequence, its index by channel, and the trim mark. */
    LOG,
    /** {@code toasty_record_change}: logs and notifies one change. */
    RECORD,
    /** {@code toasty_notify_change}: the triggers' function. */
    NOTIFY,
    /** {@code toasty_trim_changes}: trims the log. */
    TRIM
  }

  /** The statement that creates {@code part}. */
  static String shared(SqlDialect dialect, Shared part) {
    requireChangeStreams(dialect);
    return switch (part) {
      case LOG -> log();
      case RECORD -> recordFunction();
      case NOTIFY -> triggerFunction();
      case TRIM -> trimFunction();
    };
  }

  /** The log, its sequence and index, and the trim mark, each if missing, in one block. */
  private static String log() {
    return "DO $toasty$ BEGIN\n"
        + "  CREATE SEQUENCE IF NOT EXISTS " + SEQUENCE + ";\n"
        + "  CREATE TABLE IF NOT EXISTS " + LOG + " (seq bigint PRIMARY KEY, channel text NOT"
        + " NULL, tbl text NOT NULL, kind char(1) NOT NULL, xid bigint NOT NULL, key text NOT"
        + " NULL, committed_at timestamptz NOT NULL);\n"
        + "  CREATE INDEX IF NOT EXISTS " + LOG + "_channel ON " + LOG + " (channel, seq);\n"
        + "  CREATE TABLE IF NOT EXISTS " + TRIM + " (one boolean PRIMARY KEY DEFAULT true"
        + " CHECK (one), trimmed_to bigint NOT NULL);\n"
        + "END $toasty$";
  }

  /**
   * {@value #RECORD}{@code (channel, tbl, kind, key)}: under the advisory lock (held until the
   * transaction ends, so numbers rise in commit order), the next sequence number, the log's row,
   * the notification.
   */
  private static String recordFunction() {
    return "CREATE OR REPLACE FUNCTION " + RECORD + "(channel text, tbl text, kind text, k text)"
        + " RETURNS void LANGUAGE plpgsql AS $toasty$\n"
        + "DECLARE s bigint; x bigint := txid_current();\n"
        + "BEGIN\n"
        + "  PERFORM pg_advisory_xact_lock(" + LOCK + ");\n"
        + "  s := nextval('" + SEQUENCE + "');\n"
        + "  INSERT INTO " + LOG + " VALUES (s, channel, tbl, kind, x, k, clock_timestamp());\n"
        + "  PERFORM pg_notify(channel, kind || ' ' || x || ' ' || s || k);\n"
        + "END $toasty$";
  }

  /** The triggers' function: the kind and key of the row's change, to {@value #RECORD}. */
  private static String triggerFunction() {
    return "CREATE OR REPLACE FUNCTION " + FUNCTION + "() RETURNS trigger LANGUAGE plpgsql AS"
        + " $toasty$\n"
        + "DECLARE\n"
        + "  n jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;\n"
        + "  o jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;\n"
        + "  nk text := ''; ok text := ''; v text; i int;\n"
        + "  tbl text := TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME;\n"
        + "  channel text := " + CHANNEL_PREFIX_SQL + "md5(tbl);\n"
        + "BEGIN\n"
        + "  FOR i IN 0 .. TG_NARGS - 1 LOOP\n"
        + "    IF n IS NOT NULL THEN v := n ->> TG_ARGV[i];"
        + " nk := nk || ' ' || length(v) || ':' || v; END IF;\n"
        + "    IF o IS NOT NULL THEN v := o ->> TG_ARGV[i];"
        + " ok := ok || ' ' || length(v) || ':' || v; END IF;\n"
        + "  END LOOP;\n"
        + "  IF TG_OP = 'UPDATE' AND nk = ok THEN\n"
        + "    PERFORM " + RECORD + "(channel, tbl, 'U', nk);\n"
        + "  ELSE\n"
        + "    IF o IS NOT NULL THEN PERFORM " + RECORD + "(channel, tbl, 'D', ok); END IF;\n"
        + "    IF n IS NOT NULL THEN PERFORM " + RECORD + "(channel, tbl, 'I', nk); END IF;\n"
        + "  END IF;\n"
        + "  RETURN NULL;\n"
        + "END $toasty$";
  }

  /**
   * {@value #TRIM_FUNCTION}{@code (keep interval)}: deletes the log's rows committed more than
   * {@code keep} ago, records the greatest number deleted (a stream resumed before it reports a
   * gap), and answers how many rows it deleted.
   */
  private static String trimFunction() {
    return "CREATE OR REPLACE FUNCTION " + TRIM_FUNCTION + "(keep interval) RETURNS bigint"
        + " LANGUAGE plpgsql AS $toasty$\n"
        + "DECLARE upto bigint; n bigint;\n"
        + "BEGIN\n"
        + "  SELECT max(seq) INTO upto FROM " + LOG
        + " WHERE committed_at < clock_timestamp() - keep;\n"
        + "  IF upto IS NULL THEN RETURN 0; END IF;\n"
        + "  INSERT INTO " + TRIM + " VALUES (true, upto) ON CONFLICT (one) DO UPDATE"
        + " SET trimmed_to = greatest(" + TRIM + ".trimmed_to, excluded.trimmed_to);\n"
        + "  DELETE FROM " + LOG + " WHERE seq <= upto;\n"
        + "  GET DIAGNOSTICS n = ROW_COUNT;\n"
        + "  RETURN n;\n"
        + "END $toasty$";
  }

  /**
   * The deferred constraint trigger on {@code quotedTable}, naming its key columns; any trigger
   * of its name dropped first ({@code OR REPLACE} does not replace a constraint trigger), in one
   * block.
   */
  static String trigger(SqlDialect dialect, String quotedTable, List<String> keyColumns) {
    requireChangeStreams(dialect);
    String columns = keyColumns.stream().map(c -> "'" + c.replace("'", "''") + "'")
        .collect(Collectors.joining(", "));
    return "DO $toasty$ BEGIN\n"
        + "  DROP TRIGGER IF EXISTS " + TRIGGER + " ON " + quotedTable + ";\n"
        + "  CREATE CONSTRAINT TRIGGER " + TRIGGER + " AFTER INSERT OR UPDATE OR DELETE ON "
        + quotedTable + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "
        + FUNCTION + "(" + columns + ");\n"
        + "END $toasty$";
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
