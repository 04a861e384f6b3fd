package io.toasty.planner.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.ValueRanges;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A sensitive field's refused value shows as {@code ***} in the error. */
class ArgCheckRedactionTest {

  @Test
  void aSensitiveValueOutOfRangeIsMasked() {
    BigDecimal secret = new BigDecimal("123456789012345678901234567890123456789012345");
    ValueOutOfRangeException e = assertThrows(ValueOutOfRangeException.class,
        () -> new ArgCheck(0, Type.Scalar.DECIMAL, false, "Card", "number", ValueRanges.MYSQL,
            true).apply(new Value.Decimal(secret)));
    assertFalse(e.getMessage().contains("1234567890"), e.getMessage());
    assertTrue(e.getMessage().contains("***"), e.getMessage());
  }

  @Test
  void theSameValueOfAnOrdinaryFieldIsShown() {
    BigDecimal value = new BigDecimal("123456789012345678901234567890123456789012345");
    ValueOutOfRangeException e = assertThrows(ValueOutOfRangeException.class,
        () -> new ArgCheck(0, Type.Scalar.DECIMAL, false, "Card", "amount", ValueRanges.MYSQL)
            .apply(new Value.Decimal(value)));
    assertTrue(e.getMessage().contains("1234567890"), e.getMessage());
  }

  @Test
  void aSensitiveValueOfTheWrongTypeIsMasked() {
    InvalidStatementException e = assertThrows(InvalidStatementException.class,
        () -> new ArgCheck(0, Type.Scalar.I32, false, "Card", "pin", null, true)
            .apply(new Value.Str("secret-pin")));
    assertFalse(e.getMessage().contains("secret-pin"), e.getMessage());
  }
}
