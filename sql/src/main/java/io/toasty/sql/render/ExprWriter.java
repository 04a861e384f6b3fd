package io.toasty.sql.render;

import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import org.jspecify.annotations.Nullable;

/**
 * Writes one expression into a rendering. The walk's context holds one so that the clause and
 * node-family renderers write nested expressions without a reference to the expression renderer.
 */
interface ExprWriter {
  /** Writes {@code e}; {@code expected} is the type a marker in its place should bind as. */
  void expr(ExprNode e, @Nullable Type expected);
}
