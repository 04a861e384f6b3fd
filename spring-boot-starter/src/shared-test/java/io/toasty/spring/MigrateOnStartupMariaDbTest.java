package io.toasty.spring;

/**
 * {@link MigrateOnStartupContract} on MariaDB through {@code spring.r2dbc.url=r2dbc:mysql:}, as a
 * Spring application names it: the Db takes MySQL's dialect from the URL, and the migrator asks
 * the server, so that MariaDB reads the {@code mariadb} folder (the {@code mysql} folder's SQL
 * names MySQL 8's collation utf8mb4_0900_bin, which MariaDB refuses).
 */
class MigrateOnStartupMariaDbTest extends MigrateOnStartupContract {
  @Override
  Backend backend() {
    return Backend.MARIADB;
  }
}
