package io.toasty.sqlite;

import io.r2dbc.spi.ConnectionMetadata;

/** "SQLite" and the version of the SQLite library sqlite-jdbc carries ({@code 3.54.1}). */
record SqliteConnectionMetadata(String version) implements ConnectionMetadata {
  @Override
  public String getDatabaseProductName() {
    return "SQLite";
  }

  @Override
  public String getDatabaseVersion() {
    return version;
  }
}
