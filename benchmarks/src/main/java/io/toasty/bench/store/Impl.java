package io.toasty.bench.store;

import io.toasty.bench.fixture.Database;
import java.util.List;
import java.util.Locale;

/** The implementations compared; the JMH parameter {@code impl} holds the lower-case name. */
public enum Impl {
  /** This library. */
  TOASTY("Toasty"),
  /** The database's own client, used by hand as a careful user would. */
  RAW("raw driver"),
  /** Spring Data R2DBC 4.1: R2dbcEntityTemplate, and repositories where its users reach for them. */
  SPRING("Spring Data R2DBC"),
  /** vertx-pg-client 5 by hand on PostgreSQL: the raw client under Toasty's Vert.x transport. */
  VERTX("raw vertx-pg-client");

  private final String label;

  Impl(String label) {
    this.label = label;
  }

  /** The name in tables. */
  public String label() {
    return label;
  }

  /** The JMH parameter value. */
  public String param() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The implementations measured on {@code db}, Toasty first: on H2 and PostgreSQL also Spring
   * Data; on {@code postgres-vertx} raw vertx-pg-client in Spring Data's place, next to raw R2DBC.
   */
  public static List<Impl> on(Database db) {
    if (db == Database.POSTGRES_VERTX) {
      return List.of(TOASTY, RAW, VERTX);
    }
    return db.sql() ? List.of(TOASTY, RAW, SPRING) : List.of(TOASTY, RAW);
  }

  /** The implementation named by a JMH parameter value. */
  public static Impl of(String param) {
    return valueOf(param.toUpperCase(Locale.ROOT));
  }
}
