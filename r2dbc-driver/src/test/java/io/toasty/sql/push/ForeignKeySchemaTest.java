package io.toasty.sql.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.DriverConfig;
import io.toasty.r2dbc.R2dbcDriver;
import io.toasty.r2dbc.R2dbcDriverProvider;
import io.toasty.r2dbc.TestDatabase;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema.Integrity;
import io.toasty.schema.app.RelationSchema.Kind;
import io.toasty.schema.app.RelationSchema;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.dialect.MySqlDialect;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.dialect.SqliteDialect;
import io.toasty.value.Type;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Schema push declares a {@code FOREIGN KEY} per checked belongs-to relation, on every SQL
 * backend, against the real databases: composite keys, a unique field referred to, a
 * self-reference, two tables referring to each other (a cycle), and each delete behaviour as
 * {@code ON DELETE}. Pushing twice changes nothing; a reset drops and makes the tables again with
 * rows in the cycle.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class ForeignKeySchemaTest {
  static final Type I64 = Type.Scalar.I64;
  static final Type STR = Type.Scalar.STRING;

  static FieldSchema field(int index, String name, Type type, boolean nullable, String column) {
    return new FieldSchema(index, name, type, nullable, null, null, column);
  }

  static RelationSchema belongsTo(int index, String name, String target, List<Integer> source,
      List<Integer> targetFields, boolean nullable, Integrity integrity) {
    return new RelationSchema(index, name, Kind.BELONGS_TO, target, "", source, targetFields,
        nullable, null, List.of(), false, 0, null, integrity);
  }

  static final ModelSchema AUTHOR = new ModelSchema("Author", "t.Author", "authors",
      List.of(field(0, "id", I64, false, "id"), field(1, "name", STR, false, "name")),
      List.of(0), List.of());
  static final ModelSchema BOOK = new ModelSchema("Book", "t.Book", "books",
      List.of(field(0, "id", I64, false, "id"), field(1, "authorId", I64, false, "author_id"),
          field(2, "isbn", STR, false, "isbn")),
      List.of(0), List.of(new IndexSchema("books_isbn_key", List.of(2), true)),
      List.of(belongsTo(0, "author", "Author", List.of(1), List.of(0), false,
          Integrity.ENFORCED)));
  /** Refers to a book by its unique isbn, optionally. */
  static final ModelSchema REVIEW = new ModelSchema("Review", "t.Review", "reviews",
      List.of(field(0, "id", I64, false, "id"), field(1, "bookIsbn", STR, true, "book_isbn")),
      List.of(0), List.of(),
      List.of(belongsTo(0, "book", "Book", List.of(1), List.of(2), true, Integrity.ENFORCED)));
  /** A loan keeps its book: deleting a lent book is refused. */
  static final ModelSchema LOAN = new ModelSchema("Loan", "t.Loan", "loans",
      List.of(field(0, "id", I64, false, "id"), field(1, "bookId", I64, false, "book_id")),
      List.of(0), List.of(),
      List.of(belongsTo(0, "book", "Book", List.of(1), List.of(0), false, Integrity.RESTRICT)));
  static final ModelSchema EMPLOYEE = new ModelSchema("Employee", "t.Employee", "employees",
      List.of(field(0, "id", I64, false, "id"), field(1, "managerId", I64, true, "manager_id")),
      List.of(0), List.of(),
      List.of(belongsTo(0, "manager", "Employee", List.of(1), List.of(0), true,
          Integrity.ENFORCED)));
  /** Teams and players refer to each other: a cycle. */
  static final ModelSchema TEAM = new ModelSchema("Team", "t.Team", "teams",
      List.of(field(0, "id", I64, false, "id"), field(1, "captainId", I64, true, "captain_id")),
      List.of(0), List.of(),
      List.of(belongsTo(0, "captain", "Player", List.of(1), List.of(0), true,
          Integrity.ENFORCED)));
  static final ModelSchema PLAYER = new ModelSchema("Player", "t.Player", "players",
      List.of(field(0, "id", I64, false, "id"), field(1, "teamId", I64, false, "team_id")),
      List.of(0), List.of(),
      List.of(belongsTo(0, "team", "Team", List.of(1), List.of(0), false, Integrity.ENFORCED)));
  static final ModelSchema WAREHOUSE = new ModelSchema("Warehouse", "t.Warehouse", "warehouses",
      List.of(field(0, "region", STR, false, "region"), field(1, "code", STR, false, "code")),
      List.of(0, 1), List.of());
  /** Its key fields name the warehouse's key in the other order. */
  static final ModelSchema BIN = new ModelSchema("Bin", "t.Bin", "bins",
      List.of(field(0, "id", I64, false, "id"), field(1, "code", STR, false, "wh_code"),
          field(2, "region", STR, false, "wh_region")),
      List.of(0), List.of(),
      List.of(belongsTo(0, "warehouse", "Warehouse", List.of(1, 2), List.of(1, 0), false,
          Integrity.ENFORCED)));
  /** Not checked: no constraint. */
  static final ModelSchema NOTE = new ModelSchema("Note", "t.Note", "notes",
      List.of(field(0, "id", I64, false, "id"), field(1, "authorId", I64, false, "author_id")),
      List.of(0), List.of(),
      List.of(belongsTo(0, "author", "Author", List.of(1), List.of(0), false,
          Integrity.UNCHECKED)));

  /** Registered children first, so that the order has to change. */
  static final Schema SCHEMA = Schema.of(List.of(LOAN, REVIEW, BOOK, AUTHOR, EMPLOYEE, TEAM,
      PLAYER, BIN, WAREHOUSE, NOTE));

  @Parameter
  TestDatabase.Kind kind;

  private TestDatabase database;
  private R2dbcDriver driver;

  @BeforeEach
  void open() {
    database = TestDatabase.create(kind);
    driver = (R2dbcDriver) new R2dbcDriverProvider().open(new DriverConfig(database.url(),
        SCHEMA, 2, Duration.ofSeconds(5), Duration.ofMinutes(30), null));
    driver.pushSchema().block();
  }

  @AfterEach
  void close() {
    try {
      driver.close().block();
    } finally {
      database.close();
    }
  }

  private String q(String name) {
    return database.quote(name);
  }

  private long count(String table) {
    return ((Number) database.queryOne("SELECT COUNT(*) FROM " + q(table))).longValue();
  }

  private void fails(String sql) {
    assertThrows(RuntimeException.class, () -> database.execute(sql), sql);
  }

  @Test
  void aSecondPushChangesNothing() {
    driver.pushSchema().block();
    database.execute("INSERT INTO " + q("authors") + " VALUES (1, 'ann')");
    driver.pushSchema().block();
    assertEquals(1, count("authors"));
  }

  @Test
  void aRowReferringToNothingIsRefusedAndAReferredRowIsKept() {
    fails("INSERT INTO " + q("books") + " VALUES (1, 9, 'x')");
    database.execute("INSERT INTO " + q("authors") + " VALUES (1, 'ann')",
        "INSERT INTO " + q("books") + " VALUES (1, 1, 'x')");
    fails("UPDATE " + q("books") + " SET " + q("author_id") + " = 2");
    assertEquals(1, count("books"));
  }

  @Test
  void aRequiredKeyCascadesAnOptionalOneIsSetToNullARestrictedOneRefuses() {
    database.execute("INSERT INTO " + q("authors") + " VALUES (1, 'ann')",
        "INSERT INTO " + q("books") + " VALUES (1, 1, 'x')",
        "INSERT INTO " + q("books") + " VALUES (2, 1, 'y')",
        "INSERT INTO " + q("reviews") + " VALUES (1, 'y')",
        "INSERT INTO " + q("loans") + " VALUES (1, 1)");
    fails("DELETE FROM " + q("authors"));
    assertEquals(2, count("books"));
    database.execute("DELETE FROM " + q("loans"), "DELETE FROM " + q("authors"));
    assertEquals(0, count("books"));
    assertEquals(1, count("reviews"));
    assertEquals(null, database.queryOne("SELECT " + q("book_isbn") + " FROM " + q("reviews")));
  }

  @Test
  void aUniqueFieldACompositeKeyAndASelfReferenceAreReferredTo() {
    fails("INSERT INTO " + q("reviews") + " VALUES (1, 'nope')");
    database.execute("INSERT INTO " + q("warehouses") + " VALUES ('eu', 'w1')",
        "INSERT INTO " + q("bins") + " VALUES (1, 'w1', 'eu')");
    fails("INSERT INTO " + q("bins") + " VALUES (2, 'eu', 'w1')");
    database.execute("INSERT INTO " + q("employees") + " VALUES (1, NULL)",
        "INSERT INTO " + q("employees") + " VALUES (2, 1)");
    fails("INSERT INTO " + q("employees") + " VALUES (3, 7)");
    database.execute("DELETE FROM " + q("employees") + " WHERE " + q("id") + " = 1");
    assertEquals(null, database.queryOne("SELECT " + q("manager_id") + " FROM "
        + q("employees")));
    database.execute("DELETE FROM " + q("warehouses"));
    assertEquals(0, count("bins"));
  }

  @Test
  void tablesReferringToEachOtherAreMadeDroppedAndMadeAgain() {
    database.execute("INSERT INTO " + q("teams") + " VALUES (1, NULL)",
        "INSERT INTO " + q("players") + " VALUES (1, 1)",
        "UPDATE " + q("teams") + " SET " + q("captain_id") + " = 1");
    fails("UPDATE " + q("teams") + " SET " + q("captain_id") + " = 2");
    database.execute("INSERT INTO " + q("authors") + " VALUES (1, 'ann')",
        "INSERT INTO " + q("books") + " VALUES (1, 1, 'x')",
        "INSERT INTO " + q("loans") + " VALUES (1, 1)");
    driver.resetSchema().block();
    assertEquals(0, count("teams"));
    assertEquals(0, count("loans"));
    driver.pushSchema().block();
    fails("INSERT INTO " + q("players") + " VALUES (1, 5)");
  }

  @Test
  void anUncheckedRelationHasNoConstraint() {
    database.execute("INSERT INTO " + q("notes") + " VALUES (1, 42)");
    assertEquals(1, count("notes"));
  }

  @Test
  void theDdlCreatesReferredTablesFirstAndNamesEachKey() {
    List<String> ddl = new SchemaDdl(driverDialect(), SCHEMA).create();
    String all = String.join("\n", ddl);
    assertTrue(all.indexOf(q("authors") + " (") < all.indexOf(q("books") + " ("), all);
    assertTrue(all.indexOf(q("books") + " (") < all.indexOf(q("loans") + " ("), all);
    assertTrue(all.contains("CONSTRAINT " + q("bins_wh_region_wh_code_fkey") + " FOREIGN KEY ("
        + q("wh_region") + ", " + q("wh_code") + ") REFERENCES " + q("warehouses") + " ("
        + q("region") + ", " + q("code") + ") ON DELETE CASCADE"), all);
    assertTrue(all.contains(q("reviews_book_isbn_fkey") + " FOREIGN KEY"), all);
    assertTrue(all.contains(q("loans_book_id_fkey") + " FOREIGN KEY (" + q("book_id")
        + ") REFERENCES " + q("books") + " (" + q("id") + ") ON DELETE "
        + (kind == TestDatabase.Kind.SQLITE ? "NO ACTION" : "RESTRICT")), all);
    assertTrue(all.contains("ON DELETE SET NULL"), all);
    assertTrue(!all.contains("notes_author_id_fkey"), all);
  }

  private SqlDialect driverDialect() {
    return switch (kind) {
      case H2 -> H2Dialect.INSTANCE;
      case POSTGRESQL -> PostgresDialect.INSTANCE;
      case MARIADB -> MySqlDialect.MARIADB;
      case SQLITE -> SqliteDialect.INSTANCE;
    };
  }
}
