package io.toasty.sql.render;

import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a list of arguments binds as one array marker (an {@code = ANY} or an unnested join),
 * and the argument indexes it carries.
 */
final class ArrayBinding {
  private ArrayBinding() {
  }

  /** The argument indexes of a list that {@link #arrayBindable} accepted. */
  static int[] argIndexes(List<ExprNode> items) {
    int[] args = new int[items.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = ((ExprNode.Arg) items.get(i)).index();
    }
    return args;
  }

  /** Whether a list of {@code items} compared with a column of {@code type} can be one array. */
  static boolean arrayBindable(SqlDialect dialect, @Nullable Type type, List<ExprNode> items) {
    if (items.size() < 2 || items.size() > dialect.maxArrayLength()
        || !(type instanceof Type.Scalar scalar)) {
      return false;
    }
    boolean arrayType = switch (scalar) {
      case I16, I32, I64, STRING -> true;
      case UUID -> dialect.uuidStorage() == SqlDialect.UuidStorage.NATIVE;
      default -> false;
    };
    return arrayType && items.stream().allMatch(ExprNode.Arg.class::isInstance);
  }
}
