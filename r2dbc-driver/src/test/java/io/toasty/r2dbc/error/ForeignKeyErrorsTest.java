package io.toasty.r2dbc.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.schema.app.RelationSchema.Integrity;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqliteDialect;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A violated foreign key that the schema declares, in each dialect's words, becomes a
 * {@link ForeignKeyViolationException} naming the referring model, its key field and the missing
 * key, with no other value the statement wrote; a delete that a {@code RESTRICT} key refuses
 * names the referring model and field. The real servers' messages are checked by the TCK's
 * {@code ReferentialIntegrityTest}.
 */
class ForeignKeyErrorsTest {
  private static final String SECRET = "isbn-that-must-not-show";

  private static FieldSchema field(int index, String name, Type type, String column) {
    return new FieldSchema(index, name, type, false, null, null, column);
  }

  private static RelationSchema belongsTo(String name, String target, Integrity integrity) {
    return new RelationSchema(0, name, RelationSchema.Kind.BELONGS_TO, target, "", List.of(1),
        List.of(0), false, null, List.of(), false, 0, null, integrity);
  }

  private static final Schema SCHEMA = Schema.of(List.of(
      new ModelSchema("Author", "t.Author", "authors",
          List.of(field(0, "id", Type.Scalar.I64, "id")), List.of(0), List.of()),
      new ModelSchema("Book", "t.Book", "books",
          List.of(field(0, "id", Type.Scalar.I64, "id"),
              field(1, "authorId", Type.Scalar.I64, "author_id"),
              field(2, "isbn", Type.Scalar.STRING, "isbn")),
          List.of(0), List.of(), List.of(belongsTo("author", "Author", Integrity.ENFORCED))),
      new ModelSchema("Loan", "t.Loan", "loans",
          List.of(field(0, "id", Type.Scalar.I64, "id"),
              field(1, "bookId", Type.Scalar.I64, "book_id")),
          List.of(0), List.of(), List.of(belongsTo("book", "Book", Integrity.RESTRICT)))));

  private static final StatementNode INSERT =
      new InsertNode(
          new Source.Table("books"),
          List.of(0, 1, 2),
          List.of(
              new ExprNode.Record(
                  List.of(new ExprNode.Arg(0), new ExprNode.Arg(1), new ExprNode.Arg(2)))),
          new Returning.Count());
  private static final List<Value> ARGS = List.of(new Value.I64(7), new Value.I64(999),
      new Value.Str(SECRET));
  private static final StatementNode DELETE = new DeleteNode(new Source.Table("books"),
      ExprNode.eq(new ExprNode.Column("books", 0), new ExprNode.Arg(0)), new Returning.Count());

  private static ForeignKeyViolationException insert(SqlDialect dialect, String message,
      String state, int code) {
    return assertInstanceOf(ForeignKeyViolationException.class,
        R2dbcErrors.translator(dialect, SCHEMA).translate(
            new R2dbcDataIntegrityViolationException(message, state, code), "books", false,
            List.of(), INSERT, ARGS));
  }

  private static ForeignKeyViolationException delete(SqlDialect dialect, String message,
      String state, int code) {
    return assertInstanceOf(ForeignKeyViolationException.class,
        R2dbcErrors.translator(dialect, SCHEMA).translate(
            new R2dbcDataIntegrityViolationException(message, state, code), "books", true,
            List.of(), DELETE, List.of(new Value.I64(7))));
  }

  private static void namesTheMissingAuthor(ForeignKeyViolationException e) {
    assertEquals(Optional.of("Book"), e.model());
    assertEquals(Optional.of("authorId"), e.field());
    assertEquals("Book.authorId: no Author has id = 999; nothing was written", e.getMessage());
    assertFalse(e.getMessage().contains(SECRET));
  }

  private static void namesTheRestrictingLoan(ForeignKeyViolationException e) {
    assertEquals(Optional.of("Loan"), e.model());
    assertEquals(Optional.of("bookId"), e.field());
    assertTrue(e.getMessage().contains("still refers to the Book"), e::getMessage);
    assertTrue(e.getMessage().contains("@BelongsTo.Restrict"), e::getMessage);
  }

  @Test
  void postgresql() {
    namesTheMissingAuthor(insert(PostgresDialect.INSTANCE, "insert or update on table \"books\" "
        + "violates foreign key constraint \"books_author_id_fkey\"", "23503", 0));
    namesTheRestrictingLoan(delete(PostgresDialect.INSTANCE, "update or delete on table "
        + "\"books\" violates foreign key constraint \"loans_book_id_fkey\" on table \"loans\"",
        "23503", 0));
  }

  @Test
  void mysqlAndMariadb() {
    namesTheMissingAuthor(insert(MySqlDialect.MYSQL, "Cannot add or update a child row: a "
        + "foreign key constraint fails (`app`.`books`, CONSTRAINT `books_author_id_fkey` "
        + "FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`))", "23000", 1452));
    namesTheRestrictingLoan(delete(MySqlDialect.MYSQL, "Cannot delete or update a parent row: "
        + "a foreign key constraint fails (`app`.`loans`, CONSTRAINT `loans_book_id_fkey` "
        + "FOREIGN KEY (`book_id`) REFERENCES `books` (`id`))", "23000", 1451));
  }

  @Test
  void h2() {
    namesTheMissingAuthor(insert(H2Dialect.INSTANCE, "Referential integrity constraint "
        + "violation: \"BOOKS_AUTHOR_ID_FKEY: PUBLIC.BOOKS FOREIGN KEY(AUTHOR_ID) REFERENCES "
        + "PUBLIC.AUTHORS(ID) (CAST(999 AS BIGINT))\"; SQL statement:\nINSERT INTO \"books\" "
        + "VALUES ('" + SECRET + "')", "23506", 23506));
    namesTheRestrictingLoan(delete(H2Dialect.INSTANCE, "Referential integrity constraint "
        + "violation: \"LOANS_BOOK_ID_FKEY: PUBLIC.LOANS FOREIGN KEY(BOOK_ID) REFERENCES "
        + "PUBLIC.BOOKS(ID) (CAST(7 AS BIGINT))\"", "23503", 23503));
  }

  @Test
  void sqliteWhoseMessageNamesNothing() {
    namesTheMissingAuthor(insert(SqliteDialect.INSTANCE, "FOREIGN KEY constraint failed",
        "23503", 787));
    namesTheRestrictingLoan(delete(SqliteDialect.INSTANCE, "FOREIGN KEY constraint failed",
        "23503", 787));
  }
}
