package io.toasty.neo4j.cypher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LikeRegexTest {

  private static boolean like(String text, String pattern, boolean ignoreCase) {
    return text.matches(LikeRegex.of(pattern, ignoreCase));
  }

  @Test
  void percentIsAnyRunAndUnderscoreOneCharacter() {
    assertTrue(like("carl@example.com", "%@example._om", false));
    assertFalse(like("carl@example.com", "%@example.om", false));
    assertTrue(like("a\nb", "a%b", false));
  }

  @Test
  void regexCharactersAndEscapesAreLiteral() {
    assertTrue(like("50% (off)", "50\\% (off)", false));
    assertFalse(like("50x (off)", "50\\% (off)", false));
    assertTrue(like("a.b", "a.b", false));
    assertFalse(like("axb", "a.b", false));
    assertTrue(like("under_score", "under\\_score", false));
  }

  @Test
  void caseIsIgnoredOnlyWhenAsked() {
    assertFalse(like("ÄBC", "äbc", false));
    assertTrue(like("ÄBC", "äbc", true));
  }
}
