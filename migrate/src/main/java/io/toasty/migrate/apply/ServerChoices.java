package io.toasty.migrate.apply;

import io.toasty.driver.Connection;
import io.toasty.migrate.render.SqlChoices;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.value.Type;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The migration row of the server a connection reaches. A Db on an {@code r2dbc:mysql:} URL (the
 * r2dbc-mysql driver's name for both servers, as Spring applications write it) reports MySQL,
 * decided from the URL before any connection; the server may be MariaDB, which refuses the
 * {@code mysql/} folder's SQL (MySQL 8's collation {@code utf8mb4_0900_bin}). So the server is
 * asked, and its answer picks the folder and the SQL.
 */
public final class ServerChoices {
  private ServerChoices() {}

  /**
   * {@code configured}, or MariaDB's row when {@code configured} is MySQL's and the server's
   * version names MariaDB; MySQL's when the server answers no version.
   */
  public static Mono<SqlChoices> of(SqlChoices configured, Connection connection) {
    if (!SqlChoices.MYSQL.equals(configured)) {
      return Mono.just(configured);
    }
    return new SqlSession(connection).query("SELECT VERSION()", List.of(Type.Scalar.STRING))
        .next()
        .map(row -> MySqlDialect.isMariaDb(String.valueOf(row.get(0).toJava()))
            ? SqlChoices.MARIADB : configured)
        .defaultIfEmpty(configured);
  }
}
