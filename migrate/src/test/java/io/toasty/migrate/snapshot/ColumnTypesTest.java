package io.toasty.migrate.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.toasty.value.Type;
import org.junit.jupiter.api.Test;

class ColumnTypesTest {
  @Test
  void aCollectionIsNamedByItsShapeAndItemTypeAndReadBack() {
    for (Type.CollectionOf.Shape shape : Type.CollectionOf.Shape.values()) {
      Type.CollectionOf type = new Type.CollectionOf(shape, Type.Scalar.UUID);
      String name = ColumnTypes.name(type);
      assertEquals(shape.name() + "<UUID>", name);
      assertEquals(type, ColumnTypes.type(name));
    }
  }

  @Test
  void aCollectionOfAnotherItemTypeIsNoWideningOfIt() {
    assertFalse(ColumnTypes.widens("LIST<I32>", "LIST<I64>"));
    assertEquals(Type.Scalar.I64, ColumnTypes.type("I64"));
  }
}
