package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Executor;
import io.toasty.codegen.samples.OrderLine;
import io.toasty.codegen.samples.OrderLineRepository;
import io.toasty.codegen.samples.OrderLines;
import io.toasty.schema.app.FieldSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * An embedded record as the primary key: its leaves are the key's fields (a composite key to the
 * schema), finders take the record whole, and a record's key is read through it.
 */
class EmbeddedKeysTest {
  private static final OrderLine.Id ID = new OrderLine.Id(7, 2);

  @Test
  void theRecordsLeavesAreTheKey() {
    List<FieldSchema> fields = OrderLines.MODEL.schema().fields();
    assertEquals(List.of("id_order_id", "id_line", "product", "quantity"),
        fields.stream().map(FieldSchema::columnName).toList());
    assertEquals(List.of(0, 1), OrderLines.MODEL.schema().primaryKey());
  }

  @Test
  void aRecordsKeyIsReadThroughTheEmbeddedRecord() {
    OrderLine line = new OrderLine(ID, "tea", Optional.of(3));
    assertEquals(Value.Record.of(new Value.I64(7), new Value.I32(2)),
        OrderLines.MODEL.keyOf(line));
    assertEquals(line, OrderLines.MODEL.load(OrderLines.MODEL.values(line)));
  }

  @Test
  void findersTakeTheRecordWhole() throws Exception {
    assertEquals(OrderLines.class.getMethod("getById", Executor.class, OrderLine.Id.class)
        .getReturnType(), Mono.class);
    OrderLines.class.getMethod("deleteById", OrderLine.Id.class);
    OrderLines.class.getMethod("updateById", OrderLine.Id.class);
    OrderLineRepository.class.getMethod("findById", OrderLine.Id.class);
    ExprNode filter = OrderLines.filterById(ID).untyped().filter();
    assertTrue(filter.toString().contains("Field[model=OrderLine, index=0]"), filter.toString());
    assertTrue(filter.toString().contains("Field[model=OrderLine, index=1]"), filter.toString());
    assertThrows(NullPointerException.class, () -> OrderLines.filterById(null));
  }

  @Test
  void typedPathsReachTheKeysParts() {
    assertEquals(0, OrderLines.ID.ORDER_ID.index());
    assertEquals(1, OrderLines.ID.LINE.index());
    OrderLines.filter(OrderLines.ID.ORDER_ID.eq(7L).and(OrderLines.ID.LINE.gt(1)));
  }
}
