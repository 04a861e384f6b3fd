package io.toasty.migrate.live;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.migrate.render.SqlChoices;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a table's columns and indexes from the database's catalog (information_schema,
 * pg_index, SQLite's pragmas): the live schema that drift checks compare with the models.
 * Each query answers rows of texts (columns: name, type, nullability, default; indexes: name,
 * uniqueness, column); the table name is a bound value. A missing default is {@code null}.
 */
public final class SqlCatalog {
  private final Connection connection;
  private final Queries queries;

  /**
   * The catalog queries of one backend: columns and indexes, each cut at its one bound value
   * (the table), and the tables of the current schema.
   */
  private record Queries(List<String> columns, List<String> indexes, String tables) {}

  private static final Map<String, Queries> QUERIES = Map.of(
      "postgresql", new Queries(
          List.of("SELECT column_name::text, data_type::text, is_nullable::text, "
              + "column_default::text FROM information_schema.columns WHERE table_schema = current_schema() AND "
              + "table_name = ", " ORDER BY ordinal_position"),
          List.of("SELECT i.relname::text, CASE WHEN ix.indisunique THEN 'YES' ELSE 'NO' END, "
              + "a.attname::text FROM pg_class t JOIN pg_index ix ON t.oid = ix.indrelid "
              + "JOIN pg_class i ON i.oid = ix.indexrelid "
              + "JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true "
              + "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum "
              + "WHERE t.relnamespace = current_schema()::regnamespace AND NOT ix.indisprimary "
              + "AND t.relname = ", " ORDER BY i.relname, k.ord"),
          "SELECT table_name::text, '', '' FROM information_schema.tables WHERE table_schema = "
              + "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"),
      "mariadb", mysql(),
      "mysql", mysql(),
      "h2", new Queries(
          List.of("SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE, COLUMN_DEFAULT FROM "
              + "INFORMATION_SCHEMA.COLUMNS "
              + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ",
              " ORDER BY ORDINAL_POSITION"),
          List.of("SELECT i.INDEX_NAME, CASE WHEN i.INDEX_TYPE_NAME = 'UNIQUE INDEX' THEN 'YES' "
              + "ELSE 'NO' END, c.COLUMN_NAME FROM INFORMATION_SCHEMA.INDEXES i "
              + "JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA "
              + "AND c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME "
              + "WHERE i.TABLE_SCHEMA = CURRENT_SCHEMA AND i.INDEX_TYPE_NAME <> 'PRIMARY KEY' "
              + "AND i.TABLE_NAME = ", " ORDER BY i.INDEX_NAME, c.ORDINAL_POSITION"),
          "SELECT TABLE_NAME, '', '' FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = "
              + "CURRENT_SCHEMA AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME"),
      "sqlite", new Queries(
          List.of("SELECT name, type, CASE WHEN \"notnull\" = 0 AND pk = 0 THEN 'YES' ELSE 'NO' "
              + "END, dflt_value FROM pragma_table_info(", ") ORDER BY cid"),
          List.of("SELECT il.name, CASE WHEN il.\"unique\" = 1 THEN 'YES' ELSE 'NO' END, ii.name "
              + "FROM pragma_index_list(", ") il JOIN pragma_index_info(il.name) ii "
              + "WHERE il.origin = 'c' ORDER BY il.name, ii.seqno"),
          "SELECT name, '', '' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
              + "'sqlite\\_%' ESCAPE '\\' ORDER BY name"));

  private static Queries mysql() {
    return new Queries(
        List.of("SELECT column_name, column_type, is_nullable, column_default FROM "
            + "information_schema.columns "
            + "WHERE table_schema = DATABASE() AND table_name = ", " ORDER BY ordinal_position"),
        List.of("SELECT index_name, CASE WHEN non_unique = 0 THEN 'YES' ELSE 'NO' END, "
            + "column_name FROM information_schema.statistics WHERE table_schema = DATABASE() "
            + "AND index_name <> 'PRIMARY' AND table_name = ", " ORDER BY index_name, "
            + "seq_in_index"),
        "SELECT table_name, '', '' FROM information_schema.tables WHERE table_schema = "
            + "DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name");
  }

  public SqlCatalog(SqlChoices choices, Connection connection) {
    this.connection = connection;
    this.queries = Objects.requireNonNull(QUERIES.get(choices.folder()),
        () -> "no catalog queries for the SQL backend " + choices.folder());
  }

  /** The table called {@code table}, or empty when it does not exist. */
  public Mono<Optional<LiveTable>> table(String table) {
    return rows(queries.columns(), table).collectList().flatMap(columns -> {
      if (columns.isEmpty()) {
        return Mono.just(Optional.<LiveTable>empty());
      }
      List<LiveColumn> live = columns.stream()
          .map(r -> new LiveColumn(r.get(0), r.get(1), r.get(2).equals("YES"), r.get(3)))
          .toList();
      return rows(queries.indexes(), table).collectList()
          .map(rows -> Optional.of(new LiveTable(table, live, indexes(rows))));
    });
  }

  /** The names of the current schema's tables. */
  public Mono<List<String>> tables() {
    return rows(List.of(queries.tables()), List.of()).map(r -> r.get(0)).collectList();
  }

  private static List<LiveIndex> indexes(List<List<String>> rows) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    Map<String, Boolean> unique = new LinkedHashMap<>();
    for (List<String> r : rows) {
      columns.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(r.get(2));
      unique.put(r.get(0), r.get(1).equals("YES"));
    }
    List<LiveIndex> out = new ArrayList<>();
    columns.forEach((name, cols) -> out.add(new LiveIndex(name, cols,
        Boolean.TRUE.equals(unique.get(name)))));
    return out;
  }

  private Flux<List<String>> rows(List<String> sql, String table) {
    return rows(sql, List.of(new Value.Str(table)));
  }

  private Flux<List<String>> rows(List<String> sql, List<Value> values) {
    return connection.exec(new Operation.RawSql(sql, values, true, List.of()))
        .flatMapMany(r -> r instanceof ExecResponse.Rows rows ? rows.rows() : Flux.empty())
        .map(row -> ((Value.Record) row.fields().get(1)).fields().stream()
            .map(v -> v.toJava() == null ? null : String.valueOf(v.toJava())).toList());
  }
}
