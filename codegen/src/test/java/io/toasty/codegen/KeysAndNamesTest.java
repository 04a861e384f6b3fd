package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.toasty.codegen.samples.Books;
import io.toasty.codegen.samples.Clash;
import io.toasty.codegen.samples.Clashes;
import io.toasty.codegen.samples.Documents;
import io.toasty.codegen.samples.Library;
import io.toasty.codegen.samples.Membership;
import io.toasty.codegen.samples.Memberships;
import io.toasty.codegen.samples.OrderItems;
import io.toasty.codegen.samples.People;
import io.toasty.codegen.samples.Tokens;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.CompareOp;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Composite and generated keys, renamed tables and columns, and names that clash. */
class KeysAndNamesTest {

  @Test
  void compositeKeyFindersTakeEveryPartInOrder() {
    assertEquals(List.of(0, 1), Memberships.MODEL.schema().primaryKey());
    ExprNode filter = Memberships.filterByTenantAndId("acme", 7).untyped().filter();
    assertEquals(new ExprNode.And(List.of(
        eq("Membership", 0, new Value.Str("acme")),
        eq("Membership", 1, new Value.I64(7)))), filter);
    assertEquals(filter, Memberships.deleteByTenantAndId("acme", 7).untyped().filter());
    assertEquals(filter, Memberships.updateByTenantAndId("acme", 7).untyped().filter());
  }

  @Test
  void compositeKeyOfARecord() {
    Membership m = new Membership("acme", 7, "@ann", "admin");
    assertEquals(Value.Record.of(new Value.Str("acme"), new Value.I64(7)),
        Memberships.MODEL.keyOf(m));
    assertEquals(Memberships.filterByTenantAndId("acme", 7).untyped().filter(),
        Memberships.update(m).untyped().filter());
    assertEquals(Memberships.filterByTenantAndId("acme", 7).untyped().filter(),
        Memberships.delete(m).untyped().filter());
  }

  @Test
  void compositeGetByNamesEveryPart() {
    StepVerifier.create(Memberships.getByTenantAndId(statement -> Flux.empty(), "acme", 7))
        .expectErrorMessage(
            "Membership: no record found (tenant = \"acme\" AND id = 7)")
        .verify();
  }

  @Test
  void uuidKeysAreVersion7UnlessAskedForVersion4() {
    FieldSchema document = Documents.MODEL.schema().field("id");
    assertEquals(Type.Scalar.UUID, document.type());
    assertEquals(AutoStrategy.UUID_V7, document.auto());
    assertEquals(AutoStrategy.UUID_V4, Tokens.MODEL.schema().field("id").auto());
    assertEquals(List.of(new IndexSchema("tokens_owner_id_idx", List.of(1), false)),
        Tokens.MODEL.schema().indexes());
  }

  @Test
  void renamedEntryTableColumnsAndIndex() {
    ModelSchema schema = People.MODEL.schema();
    assertEquals("Person", schema.name());
    assertEquals("persons", schema.tableName());
    assertEquals(List.of("person_id", "full_name", "city", "mail"),
        schema.fields().stream().map(FieldSchema::columnName).toList());
    assertEquals(List.of(new IndexSchema("persons_by_city", List.of(2), false),
        new IndexSchema("persons_mail_key", List.of(3), true)), schema.indexes());
  }

  @Test
  void twoWordNamesAreSnakeCased() {
    ModelSchema schema = OrderItems.MODEL.schema();
    assertEquals("order_items", schema.tableName());
    assertEquals("order_id", schema.field("orderId").columnName());
    assertEquals("order_items_order_id_idx", schema.indexes().get(0).name());
    assertEquals(OrderItems.ORDER_ID.name(), "orderId");
  }

  @Test
  void clashingNamesGetAnUnderscore() {
    assertEquals("model", Clashes.MODEL_.name());
    assertEquals("EMAIL", Clashes.EMAIL_.name());
    assertEquals("email", Clashes.EMAIL__.name());
    assertEquals("Clash", Clashes.MODEL.name());
    Clash c = new Clash(1, "m", "E", "e", "s", "x", "r");
    assertEquals(c, Clashes.MODEL.load(Clashes.MODEL.values(c)));
    assertEquals(ExprNode.Record.of(new ExprNode.Const(new Value.I64(1)), new ExprNode.Default(),
        new ExprNode.Default(), new ExprNode.Default(), new ExprNode.Const(new Value.Str("s")),
        new ExprNode.Const(new Value.Str("x")), new ExprNode.Const(new Value.Str("r"))),
        Clashes.create().db(1).set("s").exec("x").record("r").row());
    StepVerifier.create(Clashes.getByDb(statement -> Flux.empty(), 1))
        .expectErrorMessage("Clash: no record found (db = 1)")
        .verify();
  }

  @Test
  void nestedModelAndNestedEnum() {
    FieldSchema status = Books.MODEL.schema().field("status");
    assertEquals(new Type.Enum("io.toasty.codegen.samples.Library$Book$Status",
        List.of("DRAFT", "PRINTED", "OUT_OF_PRINT")), status.type());
    assertEquals(new Value.Str("DRAFT"), status.defaultValue());
    assertEquals("io.toasty.codegen.samples.Library.Book", Books.MODEL.schema().javaClass());
    Library.Book book = new Library.Book(42, Library.Book.Status.OUT_OF_PRINT);
    assertEquals(book, Books.MODEL.load(Books.MODEL.values(book)));
    assertNull(Books.MODEL.schema().field("isbn").auto());
  }

  private static ExprNode eq(String model, int field, Value value) {
    return new ExprNode.Compare(
        CompareOp.EQ, new ExprNode.Field(model, field), new ExprNode.Const(value));
  }
}
