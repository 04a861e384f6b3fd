package io.toasty.neo4j.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.value.Type;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
}
