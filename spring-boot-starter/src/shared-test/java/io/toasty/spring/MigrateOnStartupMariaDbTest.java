package io.toasty.spring;

/** {@link MigrateOnStartupContract} on MariaDB. */
class MigrateOnStartupMariaDbTest extends MigrateOnStartupContract {
  @Override
  Backend backend() {
    return Backend.MARIADB;
  }

  /**
   * {@code toasty.url} with an {@code r2dbc:mariadb:} URL, the form that names the server: through
   * {@code r2dbc:mysql:} the Db takes MySQL's dialect before any connection tells which server
   * answers, so {@code migrate} reads the {@code mysql} folder, whose SQL MariaDB refuses
   * (MySQL 8's collation utf8mb4_0900_bin).
   */
  @Override
  String databaseProperty(String url) {
    return "toasty.url=" + url.replace("r2dbc:mysql:", "r2dbc:mariadb:");
  }
}
