package io.toasty.neo4j.codec;

import io.toasty.neo4j.cypher.LikeRegex;
import io.toasty.neo4j.cypher.Param;
import io.toasty.value.CollectionJson;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The parameters of one execution: each {@link Param} source read from the operation's args. */
public final class ParamValues {
  /** See {@link Param.Form#ROW_COUNT}. */
  static final long MAX_ROW_COUNT = Long.MAX_VALUE / 2;

  private ParamValues() {}

  /** {@code $p0, $p1, ..} for {@code params}, reading {@code args}. */
  public static Map<String, Object> of(List<Param> params, List<Value> args) {
    Map<String, Object> out = new HashMap<>(params.size() * 2);
    for (int i = 0; i < params.size(); i++) {
      out.put("p" + i, value(params.get(i), args));
    }
    return out;
  }

  private static @Nullable Object value(Param p, List<Value> args) {
    if (p instanceof Param.Arg a) {
      return form(args.get(a.index()), a.form());
    } else if (p instanceof Param.Const c) {
      return form(c.value(), c.form());
    } else if (p instanceof Param.ListOf l) {
      return items(l.items(), args);
    } else if (p instanceof Param.Tuple t) {
      return items(t.items(), args);
    }
    Param.Rows rows = (Param.Rows) p;
    List<Object> out = new ArrayList<>(rows.rows().size());
    for (List<Param> row : rows.rows()) {
      Map<String, Object> map = new HashMap<>(row.size() * 2);
      for (int j = 0; j < row.size(); j++) {
        Object v = value(row.get(j), args);
        if (v != null) {
          map.put(rows.properties().get(j), v);
        }
      }
      out.add(map);
    }
    return out;
  }

  private static List<Object> items(List<Param> items, List<Value> args) {
    List<Object> out = new ArrayList<>(items.size());
    for (Param item : items) {
      out.add(value(item, args));
    }
    return out;
  }

  private static @Nullable Object form(Value v, Param.Form form) {
    if (v instanceof Value.Record r && r.fields().size() == 1) {
      v = r.fields().get(0);
    }
    return switch (form) {
      case STORED -> CypherValues.encode(v);
      case LIKE_REGEX -> v.isNull() ? null : LikeRegex.of(((Value.Str) v).value(), false);
      case LIKE_REGEX_IGNORE_CASE -> v.isNull() ? null : LikeRegex.of(((Value.Str) v).value(),
          true);
      case ROW_COUNT -> rowCount(CypherValues.encode(v));
      case JSON_TEXT -> v.isNull() ? null : CollectionJson.itemText(v);
      case BOXED -> Collections.singletonList(CypherValues.encode(v));
    };
  }

  private static @Nullable Object rowCount(@Nullable Object count) {
    return count instanceof Long n && n > MAX_ROW_COUNT ? MAX_ROW_COUNT : count;
  }
}
