package io.toasty.spring;

/**
 * {@link MigrateOnStartupContract} on MariaDB through {@code toasty.url=r2dbc:mariadb:}, the form
 * that names the server before any connection.
 */
class MigrateOnStartupMariaDbUrlTest extends MigrateOnStartupMariaDbTest {
  @Override
  String databaseProperty(String url) {
    return "toasty.url=" + url.replace("r2dbc:mysql:", "r2dbc:mariadb:");
  }
}
