package io.toasty.neo4j.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.value.Type;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;

class CypherValuesTest {

  @Test
  void equalDecimalsAreEqualText() {
    assertEquals(CypherValues.encode(new Value.Decimal(new BigDecimal("1.50"))),
        CypherValues.encode(new Value.Decimal(new BigDecimal("1.5"))));
    assertEquals(CypherValues.encode(new Value.Decimal(BigDecimal.ZERO)),
        CypherValues.encode(new Value.Decimal(new BigDecimal("0.000"))));
    assertEquals(CypherValues.encode(new Value.Decimal(new BigDecimal("100"))),
        CypherValues.encode(new Value.Decimal(new BigDecimal("1E+2"))));
    assertEquals(new Value.Decimal(new BigDecimal("100")), CypherValues.decode(
        Values.value(CypherValues.encode(new Value.Decimal(new BigDecimal("1E+2")))),
        Type.Scalar.DECIMAL));
  }

  @Test
  void integersOfEveryWidthAreNeo4jIntegersAndReadBackAtTheirWidth() {
    assertEquals(7L, CypherValues.encode(new Value.I16((short) 7)));
    assertEquals(new Value.I16((short) 7), CypherValues.decode(Values.value(7L), Type.Scalar.I16));
  }

  @Test
  void uuidsAndInstantsRoundTrip() {
    UUID u = UUID.randomUUID();
    Object stored = CypherValues.encode(new Value.Uuid(u));
    assertEquals(new Value.Uuid(u), CypherValues.decode(Values.value(stored), Type.Scalar.UUID));
    Instant t = Instant.parse("2026-11-23T06:00:00.123456789Z");
    Object at = CypherValues.encode(new Value.Timestamp(t));
    assertEquals(OffsetDateTime.ofInstant(t, ZoneOffset.UTC), at);
    assertEquals(new Value.Timestamp(t), CypherValues.decode(Values.value(at), Type.Scalar.INSTANT));
  }

  @Test
  void listsAndSetsAreListPropertiesAndMapsTheirJsonText() {
    Type.CollectionOf ints = new Type.CollectionOf(Type.CollectionOf.Shape.LIST, Type.Scalar.I32);
    Value list = new Value.Items(ints, List.of(new Value.I32(3), new Value.I32(-1)));
    Object stored = CypherValues.encode(list);
    assertEquals(List.of(3L, -1L), stored);
    assertEquals(list, CypherValues.decode(Values.value(stored), ints));
    Type.CollectionOf uuids = new Type.CollectionOf(Type.CollectionOf.Shape.SET, Type.Scalar.UUID);
    UUID u = UUID.randomUUID();
    Value set = new Value.Items(uuids, List.of(new Value.Uuid(u)));
    assertEquals(List.of(u.toString()), CypherValues.encode(set));
    assertEquals(set, CypherValues.decode(Values.value(CypherValues.encode(set)), uuids));
    Type.CollectionOf counts = new Type.CollectionOf(Type.CollectionOf.Shape.MAP,
        Type.Scalar.I64);
    Value map = new Value.Entries(counts, Map.of("a\"b", new Value.I64(2)));
    assertEquals("{\"a\\\"b\":2}", CypherValues.encode(map));
    assertEquals(map, CypherValues.decode(Values.value(CypherValues.encode(map)), counts));
  }
}
