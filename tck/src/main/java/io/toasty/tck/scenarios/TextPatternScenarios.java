package io.toasty.tck.scenarios;

import static io.toasty.tck.scenarios.TextMatchScenarios.names;
import static io.toasty.tck.scenarios.TextMatchScenarios.where;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Users;
import java.util.List;

/**
 * LIKE patterns, suffixes and case-insensitive matching: SQL backends only (a key-value backend
 * offers begins-with and contains, and must refuse these with a typed error). A LIKE pattern's
 * {@code %} matches any run, {@code _} one character, and a backslash escapes, on every backend.
 */
@Models(Users.class)
@Requires(Need.SCAN)
public abstract class TextPatternScenarios {

  @BackendTest
  public void endsWithIsCaseSensitive(Db db) {
    assertEquals(List.of("Caroline"), where(db, Users.NAME.endsWith("line")));
    assertEquals(List.of(), names(db, Users.NAME.endsWith("LINE")));
  }

  @BackendTest
  public void ignoringCaseMatchesEitherCase(Db db) {
    assertEquals(List.of("Carl", "Caroline", "carla"),
        where(db, Users.NAME.startsWithIgnoreCase("CAR")));
  }

  @BackendTest
  public void endsWithAndContainsIgnoringCase(Db db) {
    assertEquals(List.of("Caroline"), where(db, Users.NAME.endsWithIgnoreCase("LINE")));
    assertEquals(List.of("Carl", "carla"), names(db, Users.NAME.containsIgnoreCase("ARL")));
  }

  @BackendTest
  public void likeUnderscoreMatchesOneCharacter(Db db) {
    assertEquals(List.of("a_b", "axb"), where(db, Users.NAME.like("a_b")));
  }

  @BackendTest
  public void likePercentMatchesAnyRun(Db db) {
    assertEquals(List.of("Carl", "Caroline"), where(db, Users.NAME.like("C%")));
  }

  @BackendTest
  public void likeBackslashEscapesAWildcard(Db db) {
    assertEquals(List.of("a_b"), where(db, Users.NAME.like("a\\_b")));
    assertEquals(List.of("50% off"), names(db, Users.NAME.like("50\\%%")));
  }

  @BackendTest
  public void likeIsCaseSensitiveUnlessAsked(Db db) {
    assertEquals(List.of("carla"), where(db, Users.NAME.like("car%")));
    assertEquals(List.of("Carl", "Caroline", "carla"), names(db,
        Users.NAME.likeIgnoreCase("car%")));
  }
}
