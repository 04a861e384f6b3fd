package io.toasty.r2dbc.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.toasty.error.DriverException;
import io.toasty.error.UniqueViolationException;
import io.toasty.r2dbc.Fixtures;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.dialect.MySqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Database texts that echo a value stay out of errors of statements on a sensitive table. */
class WithheldTest {
  /** The fixtures with {@code User.email} sensitive. */
  private static final Schema SENSITIVE = Schema.of(Fixtures.SCHEMA.models().stream()
      .map(m -> m.name().equals("User") ? withSensitiveEmail(m) : m).toList());

  private static ModelSchema withSensitiveEmail(ModelSchema m) {
    List<FieldSchema> fields = new ArrayList<>();
    for (FieldSchema f : m.fields()) {
      fields.add(!f.name().equals("email") ? f : new FieldSchema(f.index(), f.name(), f.type(),
          f.nullable(), f.auto(), f.defaultValue(), f.columnName(), f.onUpdate(), true));
    }
    return new ModelSchema(m.name(), m.javaClass(), m.tableName(), fields, m.primaryKey(),
        m.indexes(), m.relations());
  }

  private static String chain(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      out.append(t).append('\n');
    }
    return out.toString();
  }

  @Test
  void h2sDuplicateValueIsWithheldAndTheFieldKept() {
    Throwable cause = new R2dbcDataIntegrityViolationException("Unique index or primary key "
        + "violation: \"PUBLIC.users_email_key ON PUBLIC.users(email NULLS FIRST) VALUES "
        + "( /* 2 */ 'secret@example.com' )\"", "23505", 23505);
    UniqueViolationException e = assertInstanceOf(UniqueViolationException.class,
        R2dbcErrors.translator(H2Dialect.INSTANCE, SENSITIVE).translate(cause, "users"));
    assertEquals(Optional.of("User"), e.model());
    assertEquals(Optional.of("email"), e.field());
    assertFalse(chain(e).contains("secret"), chain(e));
    assertTrue(e.getCause().getMessage().contains("SQLSTATE 23505"), e.getCause().getMessage());
  }

  @Test
  void mariaDbsDuplicateEntryIsWithheld() {
    Throwable cause = new R2dbcDataIntegrityViolationException("Duplicate entry "
        + "'secret@example.com' for key 'users_email_key'", "23000", 1062);
    UniqueViolationException e = assertInstanceOf(UniqueViolationException.class,
        R2dbcErrors.translator(MySqlDialect.MARIADB, SENSITIVE).translate(cause, "users"));
    assertEquals(Optional.of("email"), e.field());
    assertFalse(chain(e).contains("secret"), chain(e));
  }

  @Test
  void anOtherErrorKeepsItsClassAndSqlStateButNotItsText() {
    Throwable cause = new R2dbcBadGrammarException("bad value 'secret'", "42000", 1);
    DriverException e = assertInstanceOf(DriverException.class,
        R2dbcErrors.translator(H2Dialect.INSTANCE, SENSITIVE).translate(cause, "users"));
    assertEquals("42000", e.sqlState());
    assertFalse(chain(e).contains("secret"), chain(e));
    assertTrue(e.getMessage().startsWith("[h2] "), e.getMessage());
  }

  @Test
  void tablesWithoutSensitiveFieldsKeepTheDatabaseText() {
    Throwable cause = new R2dbcBadGrammarException("bad value 'x'", "42000", 1);
    DriverException e = assertInstanceOf(DriverException.class,
        R2dbcErrors.translator(H2Dialect.INSTANCE, SENSITIVE).translate(cause, "posts"));
    assertSame(cause, e.getCause());
    assertTrue(e.getMessage().contains("bad value 'x'"), e.getMessage());
  }
}
