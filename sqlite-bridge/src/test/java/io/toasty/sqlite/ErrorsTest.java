package io.toasty.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteException;

/** SQLite's errors as R2DBC exceptions: class, SQLSTATE, vendor code, message, SQL. */
class ErrorsTest {
  private Connection c;

  @BeforeEach
  void open() {
    c = Db.connect(Db.memory());
    Db.update(c, "CREATE TABLE teams(id INTEGER PRIMARY KEY)");
    Db.update(c, "CREATE TABLE users(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, "
        + "team INTEGER REFERENCES teams(id), age INTEGER CHECK (age >= 0))");
    Db.update(c, "CREATE TABLE pairs(a TEXT, b TEXT, PRIMARY KEY (a, b))");
    Db.update(c, "INSERT INTO teams VALUES (1)");
    Db.update(c, "INSERT INTO users(id, email, team) VALUES (1, 'a@x', 1)");
  }

  @AfterEach
  void close() {
    Db.close(c);
  }

  private R2dbcException fails(Class<? extends R2dbcException> type, String sql) {
    R2dbcException e = assertThrows(R2dbcException.class, () -> Db.update(c, sql));
    assertInstanceOf(type, e, e.toString());
    assertEquals(sql, e.getSql());
    assertInstanceOf(SQLiteException.class, e.getCause());
    return e;
  }

  @Test
  void uniqueViolation() {
    R2dbcException e = fails(R2dbcDataIntegrityViolationException.class,
        "INSERT INTO users(email) VALUES ('a@x')");
    assertEquals("23505", e.getSqlState());
    assertEquals(2067, e.getErrorCode());
    assertEquals("UNIQUE constraint failed: users.email", e.getMessage());
  }

  @Test
  void primaryKeyViolation() {
    R2dbcException e = fails(R2dbcDataIntegrityViolationException.class,
        "INSERT INTO users(id, email) VALUES (1, 'b@x')");
    assertEquals("23505", e.getSqlState());
    assertEquals(1555, e.getErrorCode());
    assertEquals("UNIQUE constraint failed: users.id", e.getMessage());
    Db.update(c, "INSERT INTO pairs VALUES ('p', 'q')");
    R2dbcException composite = fails(R2dbcDataIntegrityViolationException.class,
        "INSERT INTO pairs VALUES ('p', 'q')");
    assertEquals("23505", composite.getSqlState());
    assertEquals("UNIQUE constraint failed: pairs.a, pairs.b", composite.getMessage());
  }

  @Test
  void foreignKeyViolationBecauseForeignKeysAreOn() {
    R2dbcException e = fails(R2dbcDataIntegrityViolationException.class,
        "INSERT INTO users(email, team) VALUES ('c@x', 42)");
    assertEquals("23503", e.getSqlState());
    assertEquals(787, e.getErrorCode());
    assertEquals("FOREIGN KEY constraint failed", e.getMessage());
  }

  @Test
  void notNullAndCheckViolations() {
    R2dbcException notNull = fails(R2dbcDataIntegrityViolationException.class,
        "INSERT INTO users(email) VALUES (NULL)");
    assertEquals("23502", notNull.getSqlState());
    assertEquals("NOT NULL constraint failed: users.email", notNull.getMessage());
    R2dbcException check = fails(R2dbcDataIntegrityViolationException.class,
        "INSERT INTO users(email, age) VALUES ('d@x', -1)");
    assertEquals("23514", check.getSqlState());
  }

  @Test
  void grammarErrors() {
    R2dbcException syntax = fails(R2dbcBadGrammarException.class, "SELEC 1");
    assertEquals("42000", syntax.getSqlState());
    assertEquals(1, syntax.getErrorCode());
    assertEquals("near \"SELEC\": syntax error", syntax.getMessage());
    assertEquals("42S02", fails(R2dbcBadGrammarException.class, "SELECT * FROM nope")
        .getSqlState());
    assertEquals("42S22", fails(R2dbcBadGrammarException.class, "SELECT nope FROM users")
        .getSqlState());
    assertEquals("42S01", fails(R2dbcBadGrammarException.class, "CREATE TABLE users(x)")
        .getSqlState());
  }

  @Test
  void aFailedStatementLeavesTheConnectionUsable() {
    fails(R2dbcDataIntegrityViolationException.class, "INSERT INTO users(email) VALUES ('a@x')");
    Db.update(c, "INSERT INTO users(email) VALUES ('e@x')");
    assertEquals(2, Db.count(c, "users"));
  }
}
