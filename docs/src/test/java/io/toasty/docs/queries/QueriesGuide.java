package io.toasty.docs.queries;

import io.toasty.Agg;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;

/** The examples of {@code docs/queries.md}, run by {@link QueriesGuideTest}. */
final class QueriesGuide {
  private QueriesGuide() {}

  static Db open(String url) {
    Db db = Toasty.builder().models(Players.MODEL, Issues.MODEL).url(url).build();
    db.schema().push().block();
    List.of(
        Issues.create().id(1).state(Issue.State.OPEN).place(new Issue.Place("web", 1))
            .due(LocalDate.of(2026, 3, 1)),
        Issues.create().id(2).state(Issue.State.OPEN).place(new Issue.Place("web", 2))
            .due(LocalDate.of(2026, 1, 15)),
        Issues.create().id(3).state(Issue.State.CLOSED).place(new Issue.Place("web", 1))
            .due(LocalDate.of(2026, 2, 1)))
        .forEach(c -> c.exec(db).block());
    List.of(
        Players.create().id(1).name("ann").team("red").score(10).bonus(5).views(0),
        Players.create().id(2).name("bob").team("red").score(20).views(0),
        Players.create().id(3).name("Cid").team("blue").score(30).bonus(30).views(0),
        Players.create().id(4).name("dan").team("blue").score(40).bonus(0).views(0))
        .forEach(c -> c.exec(db).block());
    return db;
  }

  static List<Player> comparisons(Db db) {
    // snippet: q-between
    Flux<Player> middle = Players.filter(Players.SCORE.between(15, 35)
        .and(Players.NAME.eqIgnoreCase("CID").or(Players.NAME.inIgnoreCase("Bob", "Eve"))))
        .stream(db);
    // end-snippet
    return middle.collectList().block();
  }

  static List<Player> and(Db db) {
    // snippet: q-and
    Flux<Player> blueHigh = Players.filter(Players.TEAM.eq("blue"))
        .and(Players.SCORE.gt(35))                   // AND: both conditions hold
        .stream(db);
    // end-snippet
    return blueHigh.collectList().block();
  }

  static Mono<Long> orderedMutation(Db db) {
    // snippet: q-ordered-mutation
    Mono<Long> refused = Players.all().orderBy(Players.SCORE.desc()).limit(1).delete()
        .exec(db);                                   // fails with ORDERED_MUTATION; deletes nothing
    // end-snippet
    return refused;
  }

  static List<Player> arithmetic(Db db) {
    // snippet: q-arithmetic
    Flux<Player> high = Players.filter(Players.SCORE.plus(Players.BONUS).gt(30))
        .orderBy(Players.SCORE.times(2).minus(Players.BONUS).desc())
        .stream(db);
    // end-snippet
    return high.collectList().block();
  }

  static List<List<Player>> nullOrder(Db db) {
    // snippet: q-null-order
    Flux<Player> leastBonus = Players.all().orderBy(Players.BONUS.asc()).limit(2).stream(db);
    Flux<Player> mostBonus = Players.all().orderBy(Players.BONUS.desc()).stream(db);
    // end-snippet
    return List.of(leastBonus.collectList().block(), mostBonus.collectList().block());
  }

  static Mono<List<Player>> divisionByZero(Db db) {
    // snippet: q-division-by-zero
    Mono<List<Player>> ratios = Players.filter(Players.SCORE.div(Players.BONUS).gt(1))
        .collect(db);                                // dan's bonus is 0: DivisionByZeroException
    // end-snippet
    return ratios;
  }

  static Long bumpViews(Db db) {
    // snippet: q-update-arithmetic
    Mono<Long> bumped = Players.filter(Players.TEAM.eq("red")).update()
        .views(Players.VIEWS.plus(1L))
        .exec(db);
    // end-snippet
    return bumped.block();
  }

  static List<Player> text(Db db) {
    // snippet: q-text
    Flux<Player> named = Players.filter(Players.NAME.length().le(3L)
        .and(Players.NAME.lower().eq("cid").not())
        .and(Players.SCORE.asLong().lt(Players.VIEWS.plus(25L))))
        .stream(db);
    // end-snippet
    return named.collectList().block();
  }

  static List<Object> counts(Db db) {
    // snippet: q-count
    Mono<Long> reds = Players.filter(Players.TEAM.eq("red")).count(db);
    Mono<Boolean> anyHigh = Players.filter(Players.SCORE.ge(40)).exists(db);
    // end-snippet
    return List.of(reds.block(), anyHigh.block());
  }

  static Tuple3<Long, Long, Double> totals(Db db) {
    // snippet: q-aggregates
    Mono<Tuple3<Long, Long, Double>> totals = Players.all()
        .select(Agg.count(), Agg.sum(Players.SCORE), Agg.avg(Players.BONUS))
        .first(db);
    // end-snippet
    return totals.block();
  }

  static List<Tuple2<String, Long>> perTeam(Db db) {
    // snippet: q-group-by
    Flux<Tuple2<String, Long>> perTeam = Players.all()
        .select(Players.TEAM, Agg.sum(Players.SCORE))
        .groupBy(Players.TEAM)
        .having(Agg.count().ge(2L))
        .orderBy(Players.TEAM.asc())
        .stream(db);
    // end-snippet
    return perTeam.collectList().block();
  }

  static List<Object> typed(Db db) {
    // snippet: q-typed
    Flux<Tuple2<Issue.State, Long>> perState = Issues.all()
        .select(Issues.STATE, Agg.count())          // getT1() is an Issue.State
        .groupBy(Issues.STATE)
        .stream(db);
    Flux<Issue.Place> places = Issues.all()
        .select(Issues.PLACE)                       // an embedded record, whole
        .distinct()
        .stream(db);
    Mono<Tuple2<LocalDate, LocalDate>> span = Issues.all()
        .select(Agg.min(Issues.DUE), Agg.max(Issues.DUE))
        .first(db);
    // end-snippet
    return List.of(perState.collectMap(Tuple2::getT1, Tuple2::getT2).block(),
        places.collect(Collectors.toSet()).block(), span.block());
  }

  static List<String> teams(Db db) {
    // snippet: q-distinct
    Flux<String> teams = Players.all().select(Players.TEAM).distinct().stream(db);
    // end-snippet
    return teams.sort().collectList().block();
  }

  static List<Tuple2<String, Integer>> tuples(Db db) {
    // snippet: q-tuple
    Flux<Tuple2<String, Integer>> rows = Players.filter(Players.BONUS.isNotNull())
        .select(Players.NAME, Players.SCORE.plus(Players.BONUS))
        .stream(db);
    // end-snippet
    return rows.collectList().block();
  }

  static List<PlayerCard> cards(Db db) {
    // snippet: q-projection
    Flux<PlayerCard> cards = PlayerCards.from(Players.filter(Players.TEAM.eq("blue")))
        .stream(db);
    // end-snippet
    return cards.collectList().block();
  }
}
