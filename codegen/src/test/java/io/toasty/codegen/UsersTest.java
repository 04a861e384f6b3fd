package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.codegen.samples.People;
import io.toasty.codegen.samples.Status;
import io.toasty.codegen.samples.User;
import io.toasty.codegen.samples.Users;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.CompareOp;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import io.toasty.value.ValueColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The generated {@code Users} of the model in docs/design/codegen.md, compiled by this module's
 * processor with the test sources and used as a user would.
 */
class UsersTest {
  private static final Type STATUS = new Type.Enum("io.toasty.codegen.samples.Status",
      List.of("DRAFT", "PUBLISHED"));
  private static final User CARL = new User(7L, "Carl", "carl@example.com", Optional.of("C"), 3,
      Status.PUBLISHED);

  @Test
  void schemaDescribesEveryField() {
    ModelSchema schema = Users.MODEL.schema();
    assertEquals("User", schema.name());
    assertEquals("io.toasty.codegen.samples.User", schema.javaClass());
    assertEquals("users", schema.tableName());
    assertEquals(List.of(
        new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
        new FieldSchema(1, "name", Type.Scalar.STRING, false, null, null, "name"),
        new FieldSchema(2, "email", Type.Scalar.STRING, false, null, null, "email"),
        new FieldSchema(3, "nickname", Type.Scalar.STRING, true, null, null, "nickname"),
        new FieldSchema(4, "loginCount", Type.Scalar.I32, false, null, new Value.I32(0),
            "login_count"),
        new FieldSchema(5, "status", STATUS, false, null, null, "status")), schema.fields());
    assertEquals(List.of(0), schema.primaryKey());
    assertEquals(List.of(new IndexSchema("users_email_key", List.of(2), true),
        new IndexSchema("users_nickname_idx", List.of(3), false)), schema.indexes());
  }

  @Test
  void modelDefIsOneInstanceWithOneSchema() {
    assertSame(Users.MODEL.schema(), Users.MODEL.schema());
    assertEquals(User.class, Users.MODEL.type());
    assertEquals("User", Users.MODEL.name());
  }

  @Test
  void pathsNameTheirFields() {
    assertEquals("User", Users.LOGIN_COUNT.model());
    assertEquals(4, Users.LOGIN_COUNT.index());
    assertEquals("loginCount", Users.LOGIN_COUNT.name());
    assertEquals(Type.Scalar.I32, Users.LOGIN_COUNT.type());
    assertEquals(Type.Scalar.STRING, Users.NICKNAME.type());
    assertEquals(STATUS, Users.STATUS.type());
    assertEquals(new ExprNode.Field("User", 5), Users.STATUS.node());
  }

  @Test
  void valuesAndLoadRoundTrip() {
    Value.Record row = Users.MODEL.values(CARL);
    assertEquals(Value.Record.of(new Value.I64(7), new Value.Str("Carl"),
        new Value.Str("carl@example.com"), new Value.Str("C"), new Value.I32(3),
        new Value.Str("PUBLISHED")), row);
    assertEquals(CARL, Users.MODEL.load(row));
    assertEquals(Value.Record.of(new Value.I64(7)), Users.MODEL.keyOf(CARL));
  }

  @Test
  void anEmptyOptionalIsNull() {
    User noNick = new User(1, "Ann", "ann@example.com", Optional.empty(), 0, Status.DRAFT);
    Value.Record row = Users.MODEL.values(noNick);
    assertEquals(Value.NULL, row.get(3));
    assertEquals(noNick, Users.MODEL.load(row));
  }

  @Test
  void aNullInARequiredFieldIsNullForTheEngineToReject() {
    User noName = new User(1, null, "ann@example.com", Optional.empty(), 0, Status.DRAFT);
    assertEquals(Value.NULL, Users.MODEL.values(noName).get(1));
  }

  @Test
  void loadWidensAndNarrowsNumbers() {
    Value.Record row = Value.Record.of(new Value.I32(7), new Value.Str("Carl"),
        new Value.Str("carl@example.com"), new Value.Str("C"), new Value.I64(3),
        new Value.Str("PUBLISHED"));
    assertEquals(CARL, Users.MODEL.load(row));
  }

  @Test
  void loadFailuresNameTheField() {
    assertLoadFails("User.name: NULL in a field that is not Optional", 1, Value.NULL);
    assertLoadFails("User.loginCount: ", 4, new Value.I64(Long.MAX_VALUE));
    assertLoadFails("User.status: 'ARCHIVED' is not a constant of enum", 5,
        new Value.Str("ARCHIVED"));
    assertLoadFails("User.id: cannot read", 0, new Value.Str("seven"));
  }

  @Test
  void theRowReaderBuildsWhatLoadBuilds() {
    Value.Record row = Value.Record.of(new Value.Str("PUBLISHED"), new Value.I32(7),
        new Value.Str("Carl"), new Value.Str("carl@example.com"), new Value.Str("C"),
        new Value.I64(3));
    int[] fields = {1, 2, 3, 4, 5, 0}; // field i at position fields[i]: any column order
    assertEquals(CARL, Users.MODEL.rowReader().read(new ValueColumns(row, fields)));
    User noNick = new User(1, "Ann", "ann@example.com", Optional.empty(), 0, Status.DRAFT);
    assertEquals(noNick, Users.MODEL.rowReader().read(
        new ValueColumns(Users.MODEL.values(noNick), new int[] {0, 1, 2, 3, 4, 5})));
  }

  @Test
  void rowReaderFailuresNameTheFieldAsLoadDoes() {
    for (Object[] c : new Object[][] {{1, Value.NULL}, {4, new Value.I64(Long.MAX_VALUE)},
        {5, new Value.Str("ARCHIVED")}, {0, new Value.Str("seven")}, {4, Value.NULL}}) {
      List<Value> values = new ArrayList<>(Users.MODEL.values(CARL).fields());
      values.set((Integer) c[0], (Value) c[1]);
      Value.Record row = new Value.Record(values);
      String viaLoad = assertThrows(IllegalArgumentException.class,
          () -> Users.MODEL.load(row)).getMessage();
      String viaReader = assertThrows(IllegalArgumentException.class,
          () -> Users.MODEL.rowReader().read(new ValueColumns(row, new int[] {0, 1, 2, 3, 4, 5})))
          .getMessage();
      assertEquals(viaLoad, viaReader);
    }
  }

  @Test
  void loadChecksTheRowSize() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Users.MODEL.load(Value.Record.of(new Value.I64(1))));
    assertEquals("User: a row needs 6 values, this one has 1", e.getMessage());
  }

  @Test
  void filterByUniqueFieldComparesIt() {
    assertEquals(Query.all("User").withFilter(eq(2, new Value.Str("x"))),
        Users.filterByEmail("x").untyped());
    assertEquals(Query.all("User").withFilter(eq(0, new Value.I64(5))),
        Users.filterById(5).untyped());
    assertEquals(Query.all("User").withFilter(eq(3, new Value.Str("C"))),
        Users.filterByNickname("C").untyped());
  }

  @Test
  void finderArgumentsMustNotBeNull() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Users.filterByEmail(null));
    assertEquals("email", e.getMessage());
  }

  @Test
  void allAndFilterBuildModelQueries() {
    assertEquals(Query.all("User"), Users.all().untyped());
    assertEquals(Query.all("User").withFilter(eq(1, new Value.Str("Carl"))),
        Users.filter(Users.NAME.eq("Carl")).untyped());
  }

  @Test
  void getByFailsNamingTheFilter() {
    StepVerifier.create(Users.getByEmail(statement -> Flux.empty(), "carl@example.com"))
        .expectErrorSatisfies(e -> {
          assertTrue(e instanceof RecordNotFoundException, e.toString());
          assertEquals("User: no record found (email = \"carl@example.com\")", e.getMessage());
        })
        .verify();
  }

  @Test
  void getByLoadsTheRecord() {
    StepVerifier.create(Users.getById(statement -> Flux.<Value>just(Users.MODEL.values(CARL)), 7))
        .expectNext(CARL)
        .verifyComplete();
  }

  @Test
  void updateByKeyCountsAndSets() {
    UpdateNode update = Users.updateById(7).loginCount(Users.LOGIN_COUNT.plus(1)).name("Carl")
        .untyped();
    assertEquals(new UpdateNode(new Source.Model("User"), eq(0, new Value.I64(7)), List.of(
        new Assignment(4, new ExprNode.Arith(ExprNode.ArithOp.ADD, new ExprNode.Field("User", 4),
            new ExprNode.Const(new Value.I32(1)))),
        new Assignment(1, new ExprNode.Const(new Value.Str("Carl")))), new Returning.Count()),
        update);
  }

  @Test
  void updateSettersOfAnOptionalField() {
    assertEquals(List.of(new Assignment(3, ExprNode.NULL)),
        Users.updateByEmail("x").nickname(Optional.empty()).untyped().assignments());
    assertEquals(List.of(new Assignment(3, new ExprNode.Const(new Value.Str("N")))),
        Users.updateByEmail("x").nickname(Optional.of("N")).untyped().assignments());
    assertEquals(List.of(new Assignment(3, new ExprNode.Field("User", 1))),
        Users.updateByEmail("x").nickname(Users.NAME).untyped().assignments());
    assertEquals(List.of(new Assignment(3, ExprNode.NULL)),
        Users.updateByEmail("x").nickname((String) null).untyped().assignments());
  }

  @Test
  void queryUpdateUsesTheQueryFilter() {
    UpdateNode update = Users.filter(Users.LOGIN_COUNT.lt(1)).update().status(Status.DRAFT)
        .untyped();
    assertEquals(new ExprNode.Compare(CompareOp.LT, new ExprNode.Field("User", 4),
        new ExprNode.Const(new Value.I32(1))), update.filter());
    assertEquals(new Returning.Count(), update.returning());
    assertEquals(List.of(new Assignment(5, new ExprNode.Const(new Value.Str("DRAFT")))),
        update.assignments());
  }

  @Test
  void anOrderedQueryCannotBeUpdated() {
    // the refusal is a signal of exec; the executor is never asked
    StepVerifier.create(Users.all().orderBy(Users.NAME.asc()).update().loginCount(1)
            .exec(statement -> Flux.error(new AssertionError("sent " + statement))))
        .expectError(UnsupportedFeatureException.class)
        .verify();
  }

  @Test
  void instanceUpdateFindsByKeyAndReturnsTheRecord() {
    UpdateNode update = Users.update(CARL).loginCount(4).untyped();
    assertEquals(eq(0, new Value.I64(7)), update.filter());
    assertEquals(Returning.Model.plain(), update.returning());
    User after = new User(7L, "Carl", "carl@example.com", Optional.of("C"), 4, Status.PUBLISHED);
    StepVerifier.create(Users.update(CARL).loginCount(4)
            .exec(statement -> Flux.<Value>just(Users.MODEL.values(after))))
        .expectNext(after)
        .verifyComplete();
  }

  @Test
  void deletesFilterByKeyAndCount() {
    DeleteNode expected = new DeleteNode(new Source.Model("User"),
        eq(0, new Value.I64(7)), new Returning.Count());
    assertEquals(expected, Users.delete(CARL).untyped());
    assertEquals(expected, Users.deleteById(7).untyped());
    assertEquals(eq(2, new Value.Str("x")), Users.deleteByEmail("x").untyped().filter());
  }

  @Test
  void createSetsFieldsAndLeavesTheRestDefault() {
    ExprNode.Record row = Users.create().name("Ann").nickname(Optional.empty()).loginCount(2).row();
    assertEquals(
        ExprNode.Record.of(
            new ExprNode.Default(),
            new ExprNode.Const(new Value.Str("Ann")),
            new ExprNode.Default(),
            ExprNode.NULL,
            new ExprNode.Const(new Value.I32(2)),
            new ExprNode.Default()),
        row);
  }

  @Test
  void createManyInsertsEveryRow() {
    InsertNode insert = Users.createMany(List.of(Users.create().name("A"),
        Users.create().name("B"))).untyped();
    assertEquals(new Source.Model("User"), insert.target());
    assertEquals(2, insert.rows().size());
    assertEquals(new ExprNode.Const(new Value.Str("B")), insert.rows().get(1).fields().get(1));
  }

  @Test
  void buildersRefuseAnotherModelsPath() {
    assertThrows(InvalidStatementException.class,
        () -> Users.create().set(People.NAME, "x"));
  }

  private static ExprNode eq(int field, Value value) {
    return new ExprNode.Compare(
        CompareOp.EQ, new ExprNode.Field("User", field), new ExprNode.Const(value));
  }

  private static void assertLoadFails(String messageStart, int field, Value value) {
    List<Value> values = new ArrayList<>(Users.MODEL.values(CARL).fields());
    values.set(field, value);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Users.MODEL.load(new Value.Record(values)));
    assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
  }
}
