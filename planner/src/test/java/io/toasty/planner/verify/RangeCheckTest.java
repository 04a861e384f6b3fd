package io.toasty.planner.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.driver.ValueRanges;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RangeCheckTest {

  @Test
  void loneSurrogatesAreRefusedEverywherePairsAreNot() {
    assertNotNull(RangeCheck.problem(new Value.Str("a\uD800b"), ValueRanges.UNLIMITED));
    assertNotNull(RangeCheck.problem(new Value.Str("\uDC00"), ValueRanges.H2));
    assertNull(RangeCheck.problem(new Value.Str("\uD83D\uDE00"), ValueRanges.UNLIMITED));
  }

  @Test
  void nulIsRefusedOnlyWhereTextCannotHoldIt() {
    assertNotNull(RangeCheck.problem(new Value.Str("a\u0000"), ValueRanges.POSTGRESQL));
    assertNull(RangeCheck.problem(new Value.Str("a\u0000"), ValueRanges.MYSQL));
  }

  @Test
  void decimalsBeyondTheBackendsDigitsAreRefused() {
    assertNotNull(RangeCheck.problem(new Value.Decimal(new BigDecimal("1E-40")),
        ValueRanges.MYSQL));
    assertNull(RangeCheck.problem(new Value.Decimal(new BigDecimal("1E-30")), ValueRanges.MYSQL));
    assertNotNull(RangeCheck.problem(new Value.Decimal(new BigDecimal("1E+40")),
        ValueRanges.MYSQL));
    assertNotNull(RangeCheck.problem(new Value.Decimal(new BigDecimal("1E-131")),
        ValueRanges.DYNAMODB));
    assertNull(RangeCheck.problem(new Value.Decimal(new BigDecimal("1E-40")),
        ValueRanges.POSTGRESQL));
  }

  @Test
  void farDatesAndNonFiniteFloatsFollowTheBackend() {
    Value far = new Value.Timestamp(Instant.parse("-4713-11-24T00:00:00Z"));
    assertNotNull(RangeCheck.problem(far, ValueRanges.POSTGRESQL));
    assertNull(RangeCheck.problem(far, ValueRanges.H2));
    assertNotNull(RangeCheck.problem(new Value.Date(LocalDate.of(0, 1, 1)),
        ValueRanges.MYSQL));
    assertNotNull(RangeCheck.problem(new Value.F64(Double.NaN), ValueRanges.SQLITE));
    assertNull(RangeCheck.problem(new Value.F64(Double.NaN), ValueRanges.POSTGRESQL));
    assertNotNull(RangeCheck.problem(new Value.F64(-0.0), ValueRanges.MYSQL));
    assertNotNull(RangeCheck.problem(new Value.F64(1e300), ValueRanges.DYNAMODB));
  }

  @Test
  void anArgCheckNamesModelAndField() {
    ArgCheck check = new ArgCheck(0, Type.Scalar.STRING, false, "User", "name",
        ValueRanges.POSTGRESQL);
    ValueOutOfRangeException e = assertThrows(ValueOutOfRangeException.class,
        () -> check.apply(new Value.Str("x\u0000")));
    assertEquals("name", e.field().orElseThrow());
    assertEquals("User", e.model().orElseThrow());
  }
}
