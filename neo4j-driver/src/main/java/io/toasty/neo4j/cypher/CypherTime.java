package io.toasty.neo4j.cypher;

import io.toasty.Feature;
import io.toasty.UnsupportedFeatureException;
import io.toasty.value.Type;

/** The database's current time as Cypher spells it, truncated to microseconds, in UTC. */
final class CypherTime {
  private CypherTime() {}

  static String now(Type type) {
    if (type instanceof Type.Scalar s) {
      switch (s) {
        case INSTANT, OFFSET_DATE_TIME -> {
          return "datetime.truncate('microsecond', datetime({timezone: 'UTC'}))";
        }
        case LOCAL_DATE_TIME -> {
          return "localdatetime.truncate('microsecond', localdatetime({timezone: 'UTC'}))";
        }
        case LOCAL_DATE -> {
          return "date({timezone: 'UTC'})";
        }
        case LOCAL_TIME -> {
          return "localtime.truncate('microsecond', localtime({timezone: 'UTC'}))";
        }
        default -> { }
      }
    }
    throw new UnsupportedFeatureException(Feature.UPDATE_EXPRESSION, CypherWalk.BACKEND,
        "the database's current time as " + type);
  }
}
