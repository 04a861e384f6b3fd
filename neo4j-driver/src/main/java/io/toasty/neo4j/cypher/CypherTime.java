package io.toasty.neo4j.cypher;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.value.Type;

/** The database's current time as the dialect spells it, at microseconds, in UTC. */
final class CypherTime {
  private CypherTime() {}

  static String now(CypherDialect dialect, Type type) {
    if (type instanceof Type.Scalar s) {
      switch (s) {
        case INSTANT, OFFSET_DATE_TIME -> {
          return dialect.now("datetime");
        }
        case LOCAL_DATE_TIME -> {
          return dialect.now("localdatetime");
        }
        case LOCAL_DATE -> {
          return dialect.today();
        }
        case LOCAL_TIME -> {
          return dialect.now("localtime");
        }
        default -> { }
      }
    }
    throw new UnsupportedFeatureException(Feature.UPDATE_EXPRESSION, CypherWalk.BACKEND,
        "the database's current time as " + type);
  }
}
