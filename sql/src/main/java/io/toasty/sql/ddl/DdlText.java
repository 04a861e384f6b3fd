package io.toasty.sql.ddl;

import io.toasty.sql.dialect.SqlDialect;
import java.util.List;

/** Quoted names and column lists, each name checked against the dialect's identifier limit. */
final class DdlText {
  private final SqlDialect dialect;

  DdlText(SqlDialect dialect) {
    this.dialect = dialect;
  }

  /** {@code name} quoted; a name the backend would cut is an {@code InvalidModelException}. */
  String q(String name) {
    StringBuilder out = new StringBuilder();
    if (!DdlNames.fits(dialect, name)) {
      throw DdlNames.tooLong(dialect, null, null, name, "identifier");
    }
    dialect.quoteIdentifier(out, name);
    return out.toString();
  }

  /** {@code (a, b)}, quoted. */
  String columns(List<String> names) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < names.size(); i++) {
      out.append(i > 0 ? ", " : "").append(q(names.get(i)));
    }
    return out.append(')').toString();
  }
}
