package io.toasty.r2dbc.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.DriverException;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.NotNullViolationException;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.UniqueViolationException;
import io.toasty.r2dbc.Fixtures;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.sql.dialect.SqliteDialect;
import io.toasty.sql.error.ErrorTranslator;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each dialect's messages and codes, as its driver reports them (BackendBehaviourTest and
 * R2dbcConnectionTest check the same against the real servers; MySQL 8 has no server here, so
 * its message forms are checked only here).
 */
class DialectErrorTranslationTest {
  private final ErrorTranslator postgres = R2dbcErrors.translator(PostgresDialect.INSTANCE,
      Fixtures.SCHEMA);
  private final ErrorTranslator mysql = R2dbcErrors.translator(MySqlDialect.MYSQL, Fixtures.SCHEMA);
  private final ErrorTranslator sqlite = R2dbcErrors.translator(SqliteDialect.INSTANCE,
      Fixtures.SCHEMA);
  private final ErrorTranslator h2 = R2dbcErrors.translator(H2Dialect.INSTANCE, Fixtures.SCHEMA);

  private static R2dbcDataIntegrityViolationException integrity(String message, String state,
      int code) {
    return new R2dbcDataIntegrityViolationException(message, state, code);
  }

  @Test
  void mysqlNamesTheKeyAtTheEndOfTheMessage() {
    // A value that looks like another key's name comes first: the key at the end counts.
    UniqueViolationException e = assertInstanceOf(UniqueViolationException.class,
        mysql.translate(integrity("Duplicate entry 'posts_user_id_title_key' for key "
            + "'users.users_email_key'", "23000", 1062), "users"));
    assertEquals(Optional.of("User"), e.model());
    assertEquals(Optional.of("email"), e.field());
    UniqueViolationException pk = assertInstanceOf(UniqueViolationException.class,
        mysql.translate(integrity("Duplicate entry '1-10' for key 'PRIMARY'", "23000", 1062),
            "memberships"));
    assertEquals(Optional.of("orgId, userId"), pk.field());
  }

  @Test
  void mysqlForeignKeyAndNotNull() {
    ForeignKeyViolationException fk = assertInstanceOf(ForeignKeyViolationException.class,
        mysql.translate(integrity("Cannot add or update a child row: a foreign key constraint "
            + "fails (`app`.`posts`, CONSTRAINT `posts_user_id_fkey` FOREIGN KEY (`user_id`) "
            + "REFERENCES `users` (`id`))", "23000", 1452), "posts"));
    assertEquals(Optional.of("Post"), fk.model());
    assertEquals(Optional.of("userId"), fk.field());
    ForeignKeyViolationException parent = assertInstanceOf(ForeignKeyViolationException.class,
        mysql.translate(integrity("Cannot delete or update a parent row: a foreign key "
            + "constraint fails (`app`.`posts`, CONSTRAINT `posts_user_id_fkey` FOREIGN KEY "
            + "(`user_id`) REFERENCES `users` (`id`))", "23000", 1451), "users", true));
    assertEquals(Optional.of("User"), parent.model());
    assertEquals(Optional.empty(), parent.field());
    assertTrue(parent.getMessage().contains("a record of Post still refers to it"),
        parent::getMessage);
    NotNullViolationException nn = assertInstanceOf(NotNullViolationException.class,
        mysql.translate(integrity("Column 'name' cannot be null", "23000", 1048), "users"));
    assertEquals(Optional.of("User"), nn.model());
    assertEquals(Optional.of("name"), nn.field());
  }

  @Test
  void mysqlDeadlocksAndLockWaitsAreSerializationFailures() {
    SerializationFailureException deadlock = assertInstanceOf(
        SerializationFailureException.class, mysql.translate(new R2dbcTransientResourceException(
            "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213),
            null));
    assertTrue(deadlock.isTransient());
    assertEquals("40001", deadlock.sqlState());
    assertFalse(deadlock.isLockWaitTimeout());
    assertTrue(serializationFailure(mysql, new R2dbcTransientResourceException(
        "Lock wait timeout exceeded; try restarting transaction", "HY000", 1205))
        .isLockWaitTimeout());
    assertTrue(serializationFailure(mysql, new R2dbcTransientResourceException(
        "Statement aborted because lock(s) could not be acquired immediately and NOWAIT is set.",
        "HY000", 3572)).isLockWaitTimeout());
    // MariaDB with innodb_snapshot_isolation (the default from 11.8): a conflict, no lock wait
    assertFalse(serializationFailure(mysql, new R2dbcTransientResourceException(
        "Record has changed since last read in table 'users'", "HY000", 1020))
        .isLockWaitTimeout());
  }

  @Test
  void h2ConcurrentUpdatesDeadlocksAndLockTimeouts() {
    assertFalse(serializationFailure(h2, new R2dbcTransientResourceException(
        "Concurrent update to table \"USERS\"", "90131", 90131)).isLockWaitTimeout());
    assertFalse(serializationFailure(h2, new R2dbcTransientResourceException(
        "Deadlock detected", "40001", 40001)).isLockWaitTimeout());
    assertTrue(serializationFailure(h2, new R2dbcTransientResourceException(
        "Timeout trying to lock table \"USERS\"", "HYT00", 50200)).isLockWaitTimeout());
  }

  private static SerializationFailureException serializationFailure(ErrorTranslator errors,
      Throwable error) {
    return assertInstanceOf(SerializationFailureException.class, errors.translate(error, null));
  }

  @Test
  void postgresMessagesWithoutTheErrorFields() {
    UniqueViolationException e = assertInstanceOf(UniqueViolationException.class,
        postgres.translate(integrity("duplicate key value violates unique constraint "
            + "\"posts_user_id_title_key\"", "23505", 0), "posts"));
    assertEquals(Optional.of("userId, title"), e.field());
    ForeignKeyViolationException fk = assertInstanceOf(ForeignKeyViolationException.class,
        postgres.translate(integrity("insert or update on table \"posts\" violates foreign key "
            + "constraint \"posts_user_id_fkey\"", "23503", 0), "posts"));
    assertEquals(Optional.of("userId"), fk.field());
    ForeignKeyViolationException parent = assertInstanceOf(ForeignKeyViolationException.class,
        postgres.translate(integrity("update or delete on table \"users\" violates foreign key "
            + "constraint \"posts_user_id_fkey\" on table \"posts\"", "23503", 0), "users", true));
    assertEquals(Optional.of("User"), parent.model());
    assertTrue(parent.getMessage().contains("a record of Post still refers to it"),
        parent::getMessage);
    NotNullViolationException nn = assertInstanceOf(NotNullViolationException.class,
        postgres.translate(integrity("null value in column \"login_count\" of relation \"users\" "
            + "violates not-null constraint", "23502", 0), null));
    assertEquals(Optional.of("loginCount"), nn.field());
  }

  @Test
  void postgresSerializationAndShutdowns() {
    assertFalse(serializationFailure(postgres, new R2dbcTransientResourceException(
        "could not serialize access", "40001")).isLockWaitTimeout());
    assertFalse(serializationFailure(postgres, new R2dbcTransientResourceException(
        "deadlock detected", "40P01")).isLockWaitTimeout());
    // lock_timeout, NOWAIT
    assertTrue(serializationFailure(postgres, new R2dbcTransientResourceException(
        "canceling statement due to lock timeout", "55P03")).isLockWaitTimeout());
    assertInstanceOf(ConnectionLostException.class, postgres.translate(
        new R2dbcNonTransientResourceException("terminating connection due to administrator "
            + "command", "57P01"), null));
  }

  @Test
  void sqliteNamesTableAndColumns() {
    UniqueViolationException e = assertInstanceOf(UniqueViolationException.class,
        sqlite.translate(integrity("UNIQUE constraint failed: posts.user_id, posts.title",
            "23505", 2067), "posts"));
    assertEquals(Optional.of("Post"), e.model());
    assertEquals(Optional.of("userId, title"), e.field());
    UniqueViolationException pk = assertInstanceOf(UniqueViolationException.class,
        sqlite.translate(integrity("UNIQUE constraint failed: memberships.org_id, "
            + "memberships.user_id", "23505", 1555), "memberships"));
    assertTrue(pk.getMessage().contains("primary key"), pk::getMessage);
    NotNullViolationException nn = assertInstanceOf(NotNullViolationException.class,
        sqlite.translate(integrity("NOT NULL constraint failed: users.email", "23502", 1299),
            "users"));
    assertEquals(Optional.of("email"), nn.field());
    ForeignKeyViolationException fk = assertInstanceOf(ForeignKeyViolationException.class,
        sqlite.translate(integrity("FOREIGN KEY constraint failed", "23503", 787), "posts"));
    assertEquals(Optional.of("Post"), fk.model());
    assertEquals(Optional.empty(), fk.field());
    assertTrue(serializationFailure(sqlite, new R2dbcTransientResourceException(
        "database is locked", "HYT00", 5)).isLockWaitTimeout());
    assertFalse(serializationFailure(sqlite, new R2dbcTransientResourceException(
        "database is locked", "HYT00", 517)).isLockWaitTimeout()); // SQLITE_BUSY_SNAPSHOT
  }

  @Test
  void aClosedChannelOrIoErrorIsALostConnection() {
    Throwable closed = new IllegalStateException("send failed", new IOException(
        "Connection reset by peer"));
    ConnectionLostException e = assertInstanceOf(ConnectionLostException.class,
        postgres.translate(closed, null));
    assertSame(closed, e.getCause());
    assertInstanceOf(ConnectionLostException.class, mysql.translate(
        new R2dbcNonTransientResourceException("Connection closed", "08S01", 0), null));
    assertEquals(DriverException.class, mysql.translate(
        new R2dbcNonTransientResourceException("Out of range value for column 'n'", null, 1264),
        null).getClass());
  }
}
