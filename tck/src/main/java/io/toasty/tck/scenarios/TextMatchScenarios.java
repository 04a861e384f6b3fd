package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.Expr;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Users;
import java.util.List;

/**
 * Prefix and substring matching, and NULL-safe equality: what key-value backends can express too.
 * Text given to {@code startsWith} and {@code contains} is literal on every backend: {@code %},
 * {@code _} and backslashes match themselves, and matching is case-sensitive.
 */
@Models(Users.class)
@Requires(Need.SCAN)
public abstract class TextMatchScenarios {

  /** Users whose names exercise case, wildcards and escapes; nicknames on some. */
  static void tricky(Db db) {
    String[][] people = {
        {"Carl", "carl"}, {"carla", null}, {"Caroline", "Caroline"}, {"50% off", null},
        {"500 off", null}, {"a_b", null}, {"axb", null}, {"back\\slash", null}};
    int i = 0;
    for (String[] p : people) {
      await(Users.create().name(p[0]).email("u" + i++ + "@example.com").nickname(p[1]).exec(db));
    }
  }

  /** Seeds {@link #tricky} users, then the sorted names matching {@code condition}. */
  static List<String> where(Db db, Expr<Boolean> condition) {
    tricky(db);
    return names(db, condition);
  }

  /** The sorted names of the users matching {@code condition}. */
  static List<String> names(Db db, Expr<Boolean> condition) {
    return Fixtures.sortedNames(await(Users.filter(condition).collect(db)));
  }

  @BackendTest
  public void startsWithIsCaseSensitive(Db db) {
    assertEquals(List.of("Carl", "Caroline"), where(db, Users.NAME.startsWith("Car")));
  }

  @BackendTest
  public void startsWithTreatsPercentAsText(Db db) {
    assertEquals(List.of("50% off"), where(db, Users.NAME.startsWith("50%")));
  }

  @BackendTest
  public void containsTreatsUnderscoreAsText(Db db) {
    assertEquals(List.of("a_b"), where(db, Users.NAME.contains("_")));
  }

  @BackendTest
  public void containsTreatsBackslashAsText(Db db) {
    assertEquals(List.of("back\\slash"), where(db, Users.NAME.contains("\\")));
  }

  @BackendTest
  public void containsFindsInnerText(Db db) {
    assertEquals(List.of("Carl", "carla"), where(db, Users.NAME.contains("arl")));
  }

  @BackendTest
  public void aNullFieldMatchesNeitherAPatternNorItsNegation(Db db) {
    assertEquals(List.of("Carl"), where(db, Users.NICKNAME.startsWith("c")));
    assertEquals(List.of("Caroline"), names(db, Users.NICKNAME.startsWith("c").not()));
  }

  @BackendTest
  public void isNotDistinctFromNullMatchesNulls(Db db) {
    assertEquals(List.of("50% off", "500 off", "a_b", "axb", "back\\slash", "carla"),
        where(db, Users.NICKNAME.isNotDistinctFrom((String) null)));
  }

  @BackendTest
  public void isDistinctFromAValueIncludesNulls(Db db) {
    assertEquals(List.of("50% off", "500 off", "Caroline", "a_b", "axb", "back\\slash", "carla"),
        where(db, Users.NICKNAME.isDistinctFrom("carl")));
  }

  @BackendTest
  public void isNotDistinctFromBetweenFieldsIsNeverUnknown(Db db) {
    // Caroline's nickname equals her name; every other row differs, a NULL nickname included.
    assertEquals(List.of("Caroline"), where(db, Users.NICKNAME.isNotDistinctFrom(Users.NAME)));
    assertEquals(7, names(db, Users.NICKNAME.isNotDistinctFrom(Users.NAME).not()).size());
  }
}
