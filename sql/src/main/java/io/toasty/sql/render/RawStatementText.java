package io.toasty.sql.render;

import io.toasty.sql.dialect.SqlDialect;
import java.util.List;

/** The text of a raw statement: its pieces joined by the dialect's bind markers, in order. */
public final class RawStatementText {
  private RawStatementText() {}

  /** {@code pieces[0] marker(1) pieces[1] marker(2) ...}. */
  public static String render(List<String> pieces, SqlDialect dialect) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pieces.size(); i++) {
      if (i > 0) {
        dialect.bindMarker(out, i);
      }
      out.append(pieces.get(i));
    }
    return out.toString();
  }
}
