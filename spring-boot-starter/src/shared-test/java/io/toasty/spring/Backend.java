package io.toasty.spring;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.Result;
import java.util.Locale;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A database for one test class: an in-memory H2 database, a PostgreSQL schema or a MariaDB
 * database of its own with a random name, dropped by {@link #drop()}. The servers are the
 * project's: PostgreSQL on 127.0.0.1:5432 (postgres, trust, database test) and MariaDB on
 * 127.0.0.1:3306 (root, no password).
 */
enum Backend {
  H2, POSTGRESQL, MARIADB;

  /** Creates a fresh database and returns its spring.r2dbc.url. */
  String create(String name) {
    switch (this) {
      case H2 -> {
        return "r2dbc:h2:mem:///" + name + "?options=DB_CLOSE_DELAY=-1";
      }
      case POSTGRESQL -> {
        admin("r2dbc:postgresql://postgres@127.0.0.1:5432/test", "CREATE SCHEMA " + name);
        return "r2dbc:postgresql://postgres@127.0.0.1:5432/test?schema=" + name;
      }
      default -> {
        admin("r2dbc:mysql://root@127.0.0.1:3306/test", "CREATE DATABASE " + name);
        return "r2dbc:mysql://root@127.0.0.1:3306/" + name;
      }
    }
  }

  /** Drops what {@link #create} made. */
  void drop(String name) {
    switch (this) {
      case H2 -> { }
      case POSTGRESQL -> admin("r2dbc:postgresql://postgres@127.0.0.1:5432/test",
          "DROP SCHEMA " + name + " CASCADE");
      default -> admin("r2dbc:mysql://root@127.0.0.1:3306/test", "DROP DATABASE " + name);
    }
  }

  /** SQL that inserts an author named s with the email bound to :email (identifiers quoted). */
  String insertAuthor() {
    String q = this == MARIADB ? "`" : "\"";
    return "INSERT INTO " + q + "authors" + q + " (" + q + "name" + q + ", " + q + "email" + q
        + ") VALUES ('s', :email)";
  }

  /** A query of one row and column: the current transaction's isolation level. */
  String isolationQuery() {
    return switch (this) {
      case H2 -> "SELECT ISOLATION_LEVEL FROM INFORMATION_SCHEMA.SESSIONS "
          + "WHERE SESSION_ID = SESSION_ID()";
      case POSTGRESQL -> "SHOW transaction_isolation";
      case MARIADB -> "SELECT @@tx_isolation";
    };
  }

  /**
   * The backend's name as Toasty reports it: health details, the {@code db.backend} tag. MariaDB
   * is reached through an {@code r2dbc:mysql:} URL, whose dialect the Db takes before any
   * connection tells which server answers, and reports.
   */
  String toastyName() {
    return switch (this) {
      case H2 -> "h2";
      case POSTGRESQL -> "postgresql";
      case MARIADB -> "mysql";
    };
  }

  /** A name no other run uses. */
  static String randomName() {
    return "toasty_spring_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        .toLowerCase(Locale.ROOT);
  }

  private static void admin(String url, String sql) {
    Mono.usingWhen(ConnectionFactories.get(url).create(),
            c -> Flux.from(c.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then(),
            c -> c.close())
        .block();
  }
}
