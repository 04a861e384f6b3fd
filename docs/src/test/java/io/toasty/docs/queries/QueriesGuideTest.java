package io.toasty.docs.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.Feature;
import io.toasty.error.DivisionByZeroException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.util.function.Tuples;

/** Runs the examples of docs/queries.md and checks what each returns. */
class QueriesGuideTest {
  private Db db;

  @BeforeEach
  void open() {
    db = QueriesGuide.open("r2dbc:h2:mem:///queries-guide");
  }

  @AfterEach
  void close() {
    db.close().block();
  }

  @Test
  void projectionsComeBackAsTheFieldsTypes() {
    assertEquals(List.of(
        Map.of(Issue.State.OPEN, 2L, Issue.State.CLOSED, 1L),
        Set.of(new Issue.Place("web", 1), new Issue.Place("web", 2)),
        Tuples.of(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 1))),
        QueriesGuide.typed(db));
  }

  @Test
  void theGuideRunsAsWritten() {
    assertEquals(List.of("Cid", "bob"), names(QueriesGuide.comparisons(db)));
    assertEquals(List.of("dan"), names(QueriesGuide.and(db)));
    UnsupportedFeatureException refused = assertThrows(UnsupportedFeatureException.class,
        () -> QueriesGuide.orderedMutation(db).block());
    assertEquals(Feature.ORDERED_MUTATION, refused.feature());
    assertEquals(4L, Players.all().count(db).block());
    // score + bonus: ann 15, bob NULL, Cid 60, dan 40; ordered by 2 * score - bonus.
    assertEquals(List.of("dan", "Cid"),
        QueriesGuide.arithmetic(db).stream().map(Player::name).toList());
    // bonus: ann 5, bob NULL, Cid 30, dan 0; NULL first ascending, last descending.
    List<List<Player>> byBonus = QueriesGuide.nullOrder(db);
    assertEquals(List.of("bob", "dan"), byBonus.get(0).stream().map(Player::name).toList());
    assertEquals(List.of("Cid", "ann", "dan", "bob"),
        byBonus.get(1).stream().map(Player::name).toList());
    assertThrows(DivisionByZeroException.class, () -> QueriesGuide.divisionByZero(db).block());
    assertEquals(2L, QueriesGuide.bumpViews(db));
    // views are now 1 (red) and 0 (blue): score < views + 25 for ann and bob.
    assertEquals(List.of("ann", "bob"), names(QueriesGuide.text(db)));
    assertEquals(List.of(2L, true), QueriesGuide.counts(db));
    assertEquals(Tuples.of(4L, 100L, 35.0 / 3), QueriesGuide.totals(db));
    assertEquals(List.of(Tuples.of("blue", 70L), Tuples.of("red", 30L)),
        QueriesGuide.perTeam(db));
    assertEquals(List.of("blue", "red"), QueriesGuide.teams(db));
    assertEquals(List.of("Cid=60", "ann=15", "dan=40"), QueriesGuide.tuples(db).stream()
        .map(t -> t.getT1() + "=" + t.getT2()).sorted().toList());
    assertEquals(List.of(new PlayerCard("Cid", 30), new PlayerCard("dan", 40)),
        QueriesGuide.cards(db).stream().sorted(Comparator.comparing(PlayerCard::name))
            .toList());
  }

  private static List<String> names(List<Player> players) {
    return players.stream().map(Player::name).sorted().toList();
  }
}
