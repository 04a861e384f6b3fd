package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;

import io.toasty.Select;
import io.toasty.reactive.Db;
import io.toasty.tck.models.Score;
import io.toasty.tck.models.ScoreCreate;
import io.toasty.tck.models.Scores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Six scores, NULLs included:
 *
 * <pre>
 * name  points bonus total level ratio tag
 * ann     10     5    100    1   0.5   "Red"
 * bob     20     -    200    -   -     "red"
 * cid     30    30     30    3   1.5   "BLUE"
 * dan     40     0    400    -   2.0   -
 * eve     50    -5    500    5   -     "50%_off"
 * fay      0     -      0    2   0.0   "it's"
 * </pre>
 */
final class ScoreFixtures {
  private ScoreFixtures() {}

  static void sixScores(Db db) {
    List<ScoreCreate> rows = new ArrayList<>();
    rows.add(score("ann", 10, 5, 100, (short) 1, 0.5, "Red"));
    rows.add(score("bob", 20, null, 200, null, null, "red"));
    rows.add(score("cid", 30, 30, 30, (short) 3, 1.5, "BLUE"));
    rows.add(score("dan", 40, 0, 400, null, 2.0, null));
    rows.add(score("eve", 50, -5, 500, (short) 5, null, "50%_off"));
    rows.add(score("fay", 0, null, 0, (short) 2, 0.0, "it's"));
    for (ScoreCreate c : rows) {
      await(c.exec(db));
    }
  }

  static ScoreCreate score(String name, int points, Integer bonus, long total, Short level,
      Double ratio, String tag) {
    return Scores.create().name(name).points(points).total(total)
        .bonus(Optional.ofNullable(bonus)).level(Optional.ofNullable(level))
        .ratio(Optional.ofNullable(ratio)).tag(Optional.ofNullable(tag));
  }

  /** The sorted names of the scores {@code query} returns. */
  static List<String> names(Db db, Select<Score> query) {
    return await(query.collect(db)).stream().map(Score::name).sorted().toList();
  }
}
