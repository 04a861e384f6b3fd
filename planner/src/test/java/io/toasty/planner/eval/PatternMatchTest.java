package io.toasty.planner.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.stmt.ExprNode.PatternKind;
import org.junit.jupiter.api.Test;

class PatternMatchTest {

  @Test
  void literalKindsTreatWildcardsAsText() {
    assertTrue(PatternMatch.matches(PatternKind.STARTS_WITH, "50% off", "50%", false));
    assertFalse(PatternMatch.matches(PatternKind.STARTS_WITH, "500 off", "50%", false));
    assertTrue(PatternMatch.matches(PatternKind.CONTAINS, "a_b", "_", false));
    assertFalse(PatternMatch.matches(PatternKind.CONTAINS, "ab", "_", false));
    assertTrue(PatternMatch.matches(PatternKind.ENDS_WITH, "x.COM", ".com", true));
    assertFalse(PatternMatch.matches(PatternKind.ENDS_WITH, "x.COM", ".com", false));
  }

  @Test
  void likeHasWildcardsAndBackslashEscapes() {
    assertTrue(PatternMatch.matches(PatternKind.LIKE, "carl@example.com", "c%@%.com", false));
    assertTrue(PatternMatch.matches(PatternKind.LIKE, "cat", "c_t", false));
    assertFalse(PatternMatch.matches(PatternKind.LIKE, "cart", "c_t", false));
    assertTrue(PatternMatch.matches(PatternKind.LIKE, "100%", "100\\%", false));
    assertFalse(PatternMatch.matches(PatternKind.LIKE, "1000", "100\\%", false));
    assertTrue(PatternMatch.matches(PatternKind.LIKE, "", "%", false));
    assertTrue(PatternMatch.matches(PatternKind.LIKE, "ABC", "a%", true));
  }
}
