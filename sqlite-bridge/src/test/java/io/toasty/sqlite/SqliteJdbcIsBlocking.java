package io.toasty.sqlite;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Tells BlockHound that sqlite-jdbc blocks: its calls go into native SQLite code that reads and
 * writes files and waits for locks, which BlockHound cannot see by itself. With this, a JDBC call
 * on a Reactor thread fails the test that made it.
 */
public final class SqliteJdbcIsBlocking implements BlockHoundIntegration {
  @Override
  public void applyTo(BlockHound.Builder builder) {
    String db = "org.sqlite.core.DB";
    builder.markAsBlocking(db, "open", "(Ljava/lang/String;I)V");
    builder.markAsBlocking(db, "close", "()V");
    builder.markAsBlocking(db, "prepare", "(Lorg/sqlite/core/CoreStatement;)V");
    builder.markAsBlocking(db, "execute", "(Lorg/sqlite/core/CoreStatement;[Ljava/lang/Object;)Z");
    builder.markAsBlocking(db, "executeUpdate",
        "(Lorg/sqlite/core/CoreStatement;[Ljava/lang/Object;)J");
    builder.markAsBlocking(db, "exec", "(Ljava/lang/String;Z)V");
    builder.markAsBlocking("org.sqlite.jdbc3.JDBC3ResultSet", "next", "()Z");
  }
}
