package io.toasty.migrate.live;

import io.toasty.migrate.render.SqlChoices;
import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.ColumnTypes;
import io.toasty.migrate.snapshot.IndexSnapshot;
import io.toasty.migrate.snapshot.TableSnapshot;
import io.toasty.sql.ddl.DdlIndex;
import io.toasty.sql.ddl.LiveRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An SQL database's catalog view of a table: every column, indexes with their columns and
 * uniqueness, and the column types the dialect writes, normalised so that the DDL's name and the
 * catalog's name of one type compare equal ({@code TIMESTAMP(6) WITH TIME ZONE} and PostgreSQL's
 * {@code timestamp with time zone}, MariaDB's {@code bigint(20)} and {@code BIGINT}).
 */
public record SqlShape(SqlChoices choices) implements LiveShape {
  private static final Set<String> INTERNAL = Set.of("toasty_schema_history",
      "toasty_schema_lock");

  /** Synonyms of one type across the catalogs, to one name. */
  private static final Map<String, String> SYNONYMS = Map.ofEntries(
      Map.entry("INT", "INTEGER"), Map.entry("INT4", "INTEGER"), Map.entry("INT8", "BIGINT"),
      Map.entry("INT2", "SMALLINT"), Map.entry("BOOL", "BOOLEAN"),
      Map.entry("FLOAT8", "DOUBLE PRECISION"), Map.entry("DOUBLE", "DOUBLE PRECISION"),
      Map.entry("FLOAT4", "REAL"), Map.entry("DECIMAL", "NUMERIC"),
      Map.entry("TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE"),
      Map.entry("TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP"),
      Map.entry("TIME WITHOUT TIME ZONE", "TIME"), Map.entry("VARCHAR", "CHARACTER VARYING"),
      Map.entry("VARBINARY", "BINARY VARYING"));

  /** MariaDB and MySQL: BOOLEAN is stored as tinyint(1), JSON as longtext (MariaDB). */
  private static final Map<String, String> MYSQL_SYNONYMS = Map.of("TINYINT(1)", "BOOLEAN",
      "JSON", "LONGTEXT");

  @Override
  public String backend() {
    return choices.folder();
  }

  @Override
  public String expectedType(TableSnapshot table, ColumnSnapshot column) {
    boolean keyed = table.primaryKey().contains(column.name())
        || table.indexes().stream().anyMatch(ix -> ix.columns().contains(column.name()));
    return canonical(choices.dialect().columnType(ColumnTypes.type(column.type()), keyed));
  }

  @Override
  public String canonical(String liveType) {
    String t = liveType.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ")
        .replaceAll(" ?\\( ?", "(").replaceAll(" ?, ?", ",").replaceAll(" ?\\)", ")");
    if (mysqlFamily()) {
      t = MYSQL_SYNONYMS.getOrDefault(t, t);
    }
    // Lengths, precisions and display widths: the catalogs show them or not, inconsistently.
    t = t.replaceAll("\\([^)]*\\)", "").replaceAll("\\s+", " ").trim();
    if (mysqlFamily()) {
      t = MYSQL_SYNONYMS.getOrDefault(t, t);
    }
    return SYNONYMS.getOrDefault(t, t);
  }

  private boolean mysqlFamily() {
    return choices == SqlChoices.MARIADB || choices == SqlChoices.MYSQL;
  }

  @Override
  public List<String> visibleColumns(TableSnapshot table) {
    return table.columns().stream().map(ColumnSnapshot::name).toList();
  }

  @Override
  public boolean defaultsVisible() {
    return true;
  }

  @Override
  public LiveIndex expectedIndex(IndexSnapshot index) {
    DdlIndex ddl = new DdlIndex(index.name(), index.columns(), index.unique(), index.live());
    if (!choices.ddl().liveColumn(ddl)) {
      return new LiveIndex(index.name(), index.columns(), index.unique());
    }
    List<String> columns = new ArrayList<>(index.columns());
    columns.add(LiveRows.COLUMN);
    return new LiveIndex(index.name(), columns, index.unique());
  }

  @Override
  public boolean generated(TableSnapshot table, String column) {
    return column.equalsIgnoreCase(LiveRows.COLUMN) && table.indexes().stream()
        .anyMatch(ix -> choices.ddl().liveColumn(new DdlIndex(ix.name(), ix.columns(),
            ix.unique(), ix.live())));
  }

  @Override
  public boolean internal(String table) {
    return INTERNAL.contains(table.toLowerCase(Locale.ROOT));
  }
}
