package io.toasty.r2dbc.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.DriverException;
import io.toasty.error.UniqueViolationException;
import io.toasty.r2dbc.Fixtures;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.sql.error.ErrorTranslator;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Messages as H2 2.4 writes them (see R2dbcDriverTest for the real thing). */
class ErrorTranslatorTest {
  private final ErrorTranslator translator = R2dbcErrors.translator(H2Dialect.INSTANCE,
      Fixtures.SCHEMA);

  private static R2dbcDataIntegrityViolationException duplicate(String message) {
    return new R2dbcDataIntegrityViolationException(message, "23505", 23505);
  }

  /**
   * The drivers' refusals to send on a connection they found closed (r2dbc-postgresql,
   * r2dbc-mysql) are lost connections with nothing sent; any other loss may have been sent.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "Cannot exchange messages because the connection is closed|true",
      "Cannot exchange because the connection is closed|true",
      "Connection unexpectedly closed|false",
      "Connection closed|false"})
  void aRefusalToSendOnAClosedConnectionSaysNothingWasSent(String message, boolean unsent) {
    Throwable cause = new R2dbcNonTransientResourceException(message, "08006");
    for (var dialect : List.of(PostgresDialect.INSTANCE,
        MySqlDialect.MARIADB)) {
      ConnectionLostException e = assertInstanceOf(
          ConnectionLostException.class,
          R2dbcErrors.translator(dialect, Fixtures.SCHEMA).translate(cause, "users"));
      assertEquals(unsent, e.nothingSent(), message);
    }
  }

  /**
   * r2dbc-mysql cancels the requests still queued on a connection whose channel closed with a
   * bare {@code IllegalStateException}, no SQLSTATE: a lost connection, nothing sent (seen in
   * the TCK's idle-kill fault scenario on MariaDB, where it surfaced as a plain DriverException).
   */
  @Test
  void aRequestCancelledInADisposedQueueIsALostConnectionNothingSent() {
    Throwable cause = new IllegalStateException("Request queue was disposed");
    ConnectionLostException e = assertInstanceOf(
        ConnectionLostException.class,
        R2dbcErrors.translator(MySqlDialect.MARIADB, Fixtures.SCHEMA)
            .translate(new RuntimeException("wrapped", cause), "users"));
    assertEquals(true, e.nothingSent());
    assertSame(cause, e.getCause().getCause());
    Throwable other = R2dbcErrors.translator(MySqlDialect.MARIADB,
        Fixtures.SCHEMA).translate(new IllegalStateException("Request queue was full"), "users");
    assertEquals(DriverException.class, other.getClass(), "another IllegalStateException");
  }

  @Test
  void uniqueIndexNamesModelAndField() {
    Throwable cause = duplicate("Unique index or primary key violation: \"PUBLIC.users_email_key "
        + "ON PUBLIC.users(email NULLS FIRST) VALUES ( /* 2 */ 'posts_user_id_title_key' )\"");
    UniqueViolationException e = assertInstanceOf(UniqueViolationException.class,
        translator.translate(cause, null));
    assertEquals(Optional.of("User"), e.model());
    assertEquals(Optional.of("email"), e.field());
    assertSame(cause, e.getCause());
  }

  @Test
  void indexNamesMatchCaseInsensitivelyAndNotAsPrefixes() {
    UniqueViolationException e = assertInstanceOf(UniqueViolationException.class,
        translator.translate(duplicate("violation: \"PUBLIC.POSTS_USER_ID_TITLE_KEY ON "
            + "PUBLIC.POSTS(USER_ID, TITLE)\""), "users"));
    assertEquals(Optional.of("Post"), e.model());
    assertEquals(Optional.of("userId, title"), e.field());
    UniqueViolationException prefix = assertInstanceOf(UniqueViolationException.class,
        translator.translate(duplicate("violation: \"PUBLIC.users_email_key2 ON x\""), null));
    assertEquals(Optional.empty(), prefix.field());
  }

  @Test
  void primaryKeyFromTheStatementsTable() {
    UniqueViolationException e = assertInstanceOf(UniqueViolationException.class,
        translator.translate(duplicate("Unique index or primary key violation: "
            + "\"PUBLIC.CONSTRAINT_7 PRIMARY KEY ON PUBLIC.memberships(org_id, user_id) ( ... )\""),
            "memberships"));
    assertEquals(Optional.of("Membership"), e.model());
    assertEquals(Optional.of("orgId, userId"), e.field());
  }

  @Test
  void primaryKeyFromTheMessageWhenNoTableIsKnown() {
    UniqueViolationException e = assertInstanceOf(UniqueViolationException.class,
        translator.translate(duplicate("Unique index or primary key violation: "
            + "\"PUBLIC.PRIMARY_KEY_4 ON PUBLIC.posts(id) VALUES ( /* 1 */ 1 )\""), null));
    assertEquals(Optional.of("Post"), e.model());
    assertEquals(Optional.of("id"), e.field());
  }

  @Test
  void sqlStateFoundInACauseChain() {
    RuntimeException wrapped = new RuntimeException("bind failed",
        new SQLIntegrityConstraintViolationException("dup users_email_key", "23505", 23505));
    assertInstanceOf(UniqueViolationException.class, translator.translate(wrapped, null));
  }

  @Test
  void otherErrorsBecomeDriverExceptionsWithTheSqlState() {
    Throwable cause = new R2dbcBadGrammarException("Column \"NOPE\" not found", "42S22", 42122);
    DriverException e = assertInstanceOf(DriverException.class, translator.translate(cause, null));
    assertEquals("42S22", e.sqlState());
    assertSame(cause, e.getCause());
    assertEquals("[h2] Column \"NOPE\" not found (SQLSTATE 42S22)", e.getMessage());
    DriverException plain = assertInstanceOf(DriverException.class,
        translator.translate(new IllegalStateException("boom"), null));
    assertEquals(null, plain.sqlState());
  }
}
