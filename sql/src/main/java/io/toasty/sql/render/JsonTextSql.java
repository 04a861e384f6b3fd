package io.toasty.sql.render;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.sql.dialect.JsonStorage;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import io.toasty.value.Value;

/**
 * The text of a scalar at a path inside a JSON document, in the function the dialect's JSON
 * storage reads it with.
 */
final class JsonTextSql {
  private final SqlContext ctx;
  private final StringBuilder out;
  private final SqlDialect dialect;

  JsonTextSql(SqlContext ctx) {
    this.ctx = ctx;
    this.out = ctx.out();
    this.dialect = ctx.dialect();
  }

  /** The text of the scalar at a path in a document; the path's keys are bound, never inlined. */
  void jsonText(ExprNode.JsonText j) {
    switch (dialect.jsonStorage()) {
      case JSONB -> {
        out.append("jsonb_extract_path_text(");
        ctx.expr(j.operand(), null);
        for (String key : j.path()) {
          out.append(", ");
          ctx.marker(-1, new Value.Str(key), Type.Scalar.STRING);
        }
        out.append(')');
      }
      case JSON_VALUE -> {
        // MariaDB's JSON_VALUE answers true as 1: booleans by their JSON text instead
        out.append("CASE JSON_EXTRACT(");
        jsonArguments(j);
        out.append(") WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE JSON_VALUE(");
        jsonArguments(j);
        out.append(") END");
      }
      case TEXT_JSON_EXTRACT -> {
        // SQLite answers numbers and booleans as SQL values (true as 1): their JSON text instead
        out.append("CASE json_type(");
        jsonArguments(j);
        out.append(") WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(json_extract(");
        jsonArguments(j);
        out.append(") AS TEXT) END");
      }
      case TEXT -> throw new UnsupportedFeatureException(Feature.JSON_PATH, dialect.backend(),
          "a filter on a path inside a JSON document");
    }
  }

  /** {@code doc, '$."a"."b"'}: a document and the path of a {@link ExprNode.JsonText}. */
  private void jsonArguments(ExprNode.JsonText j) {
    ctx.expr(j.operand(), null);
    out.append(", ");
    ctx.marker(-1, new Value.Str(JsonStorage.dollarPath(j.path())), Type.Scalar.STRING);
  }
}
