package io.toasty.tck.migration;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;

import io.toasty.Row;
import io.toasty.SqlStatement;
import io.toasty.migrate.render.SqlChoices;
import io.toasty.reactive.Db;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link MigrationProbe} over raw SQL ({@code db.sql(..)}). */
final class SqlMigrationProbe implements MigrationProbe {
  private final Db db;
  private final SqlChoices choices;

  SqlMigrationProbe(Db db) {
    this.db = db;
    this.choices = SqlChoices.of(db.capability().backend()).orElseThrow();
  }

  @Override
  public void insert(String table, Map<String, Object> row) {
    List<String> columns = new ArrayList<>(row.keySet());
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(q(table)).append(" (");
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i > 0 ? ", " : "").append(q(columns.get(i)));
      values.append(i > 0 ? ", " : "").append(":p").append(i);
    }
    SqlStatement s = db.sql(sql + ") VALUES (" + values + ")");
    for (int i = 0; i < columns.size(); i++) {
      s = s.bind("p" + i, row.get(columns.get(i)));
    }
    await(s.execute());
  }

  @Override
  public void set(String table, String id, String column, Object value) {
    await(db.sql("UPDATE " + q(table) + " SET " + q(column) + " = :v WHERE " + q("id")
        + " = :id").bind("v", value).bind("id", id).execute());
  }

  @Override
  public void delete(String table, String id) {
    await(db.sql("DELETE FROM " + q(table) + " WHERE " + q("id") + " = :id").bind("id", id)
        .execute());
  }

  @Override
  public List<Map<String, Object>> rows(String table) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : awaitAll(db.sql("SELECT * FROM " + q(table) + " ORDER BY " + q("id")).rows())) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < r.columns().size(); i++) {
        Object v = r.values().get(i).toJava();
        if (v instanceof Number n) {
          v = n.longValue();
        }
        if (v != null) {
          row.put(r.columns().get(i).toLowerCase(Locale.ROOT), v);
        }
      }
      out.add(row);
    }
    return out;
  }

  @Override
  public void blockUniqueName() {
    insert("mig_people", Map.of("id", "dup", "name", "ann", "age", 2L));
  }

  @Override
  public void unblockUniqueName() {
    delete("mig_people", "dup");
  }

  @Override
  public boolean columnsAreLive() {
    return true;
  }

  @Override
  public boolean uniquenessIsLive() {
    return true;
  }

  @Override
  public Optional<Boolean> uniquenessTable(String table) {
    return Optional.empty();
  }

  @Override
  public boolean transactional() {
    return choices.transactionalDdl();
  }

  @Override
  public boolean intAndLongDiffer() {
    return !choices.dialect().columnType(Type.Scalar.I32, false)
        .equals(choices.dialect().columnType(Type.Scalar.I64, false));
  }

  private String q(String name) {
    StringBuilder out = new StringBuilder();
    choices.dialect().quoteIdentifier(out, name);
    return out.toString();
  }
}
