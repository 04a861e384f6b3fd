package io.toasty.sqlite;

import io.r2dbc.spi.ConnectionFactoryMetadata;

/** Names the product: "SQLite". */
enum SqliteConnectionFactoryMetadata implements ConnectionFactoryMetadata {
  INSTANCE;

  @Override
  public String getName() {
    return "SQLite";
  }
}
