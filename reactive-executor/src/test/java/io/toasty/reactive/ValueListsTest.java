package io.toasty.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.ModelDef;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Reads of the members of one team that wait for the pool's one connection together are
 * answered by one {@code team IN (..)}, each request with the members its own query gives; a
 * batch holds at most eight teams; a batch that reads more rows than it holds gives up, each
 * request then reads its own, and that plan is not batched again.
 */
class ValueListsTest {
  private static final ModelSchema MEMBER = new ModelSchema("Member", "test.Member", "members",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id"),
          new FieldSchema(1, "team", Type.Scalar.I64, false, null, null, "team"),
          new FieldSchema(2, "name", Type.Scalar.STRING, false, null, null, "name")),
      List.of(0), List.of());

  private static final ModelDef<Value.Record> MEMBERS = Models.def(MEMBER,
      row -> Value.Record.of(row.value(0, Type.Scalar.I64), row.value(1, Type.Scalar.I64),
          row.value(2, Type.Scalar.STRING)));

  private final ConcurrentLinkedQueue<Operation.QuerySql> sent = new ConcurrentLinkedQueue<>();
  /** Holds every read of team 1 (the holder's) until it ends. */
  private volatile Sinks.Empty<Void> open = Sinks.empty();
  /** Members per team: team t has t members, except teams above 100 (5,000) and 200 (9,000). */
  private static int size(long team) {
    return team > 200 ? 9_000 : team > 100 ? 5_000 : (int) team;
  }

  private Db db() {
    return db(true);
  }

  private Db db(boolean coalesce) {
    OneConnectionPool pool = new OneConnectionPool(this::answer);
    return Toasty.builder().models(MEMBERS).poolMaxSize(1).coalesceLists(coalesce)
        .driverFactory(config -> pool).build();
  }

  /** The members of the teams the query's values name, team by team. */
  private Mono<ExecResponse> answer(Operation.QuerySql q) {
    sent.add(q);
    boolean holder = args(q).equals(List.of(1L));
    LinkedHashSet<Long> teams = new LinkedHashSet<>();
    q.args().forEach(a -> teams.add(((Value.I64) a).value()));
    Flux<Value.Record> out = Flux.fromIterable(teams).flatMapIterable(ValueListsTest::members);
    return Mono.just(new ExecResponse.Rows(holder ? open.asMono().thenMany(out) : out));
  }

  private static List<Value.Record> members(long team) {
    List<Value.Record> rows = new ArrayList<>();
    for (int i = 0; i < size(team); i++) {
      rows.add(Value.Record.of(new Value.I64(team * 10_000 + i), new Value.I64(team),
          new Value.Str("m" + team + "." + i)));
    }
    return rows;
  }

  private static Query ofTeam(long team) {
    return new Query(new Source.Model("Member"), new ExprNode.Compare(ExprNode.CompareOp.EQ,
        new ExprNode.Field("Member", 1), new ExprNode.Const(new Value.I64(team))),
        Returning.Model.plain(), List.of(), null);
  }

  /** Subscribes reads of {@code teams} while a first read holds the connection; their rows. */
  private List<List<Value.Record>> behindAHolder(Db db, long... teams) {
    Disposable holder = db.read(ofTeam(1), MEMBERS).subscribe();
    List<Mono<List<Value.Record>>> reads = new ArrayList<>();
    for (long team : teams) {
      reads.add(db.read(ofTeam(team), MEMBERS).collectList().cache());
    }
    reads.forEach(Mono::subscribe);
    open.tryEmitEmpty();
    List<List<Value.Record>> rows = new ArrayList<>();
    reads.forEach(r -> rows.add(r.block(Duration.ofSeconds(10))));
    assertTrue(holder.isDisposed(), "the holder's read ended");
    return rows;
  }

  private static List<Long> args(Operation.QuerySql q) {
    return q.args().stream().map(a -> ((Value.I64) a).value()).toList();
  }

  @Test
  void listsWaitingTogetherAreReadByOneQuery() {
    long[] teams = {3, 2, 0, 3, 5};
    List<List<Value.Record>> rows = behindAHolder(db(), teams);
    for (int i = 0; i < teams.length; i++) {
      assertEquals(members(teams[i]), rows.get(i), "team " + teams[i]);
    }
    List<Operation.QuerySql> queries = new ArrayList<>(sent);
    assertEquals(2, queries.size(), "the holder's query and the batch's: " + sent);
    // four distinct teams (team 0 has nobody), padded to four
    assertEquals(List.of(3L, 2L, 0L, 5L), args(queries.get(1)));
  }

  @Test
  void aBatchHoldsAtMostEightTeams() {
    long[] teams = new long[12];
    for (int i = 0; i < teams.length; i++) {
      teams[i] = i + 2;
    }
    List<List<Value.Record>> rows = behindAHolder(db(), teams);
    for (int i = 0; i < teams.length; i++) {
      assertEquals(members(teams[i]), rows.get(i), "team " + teams[i]);
    }
    List<Operation.QuerySql> queries = new ArrayList<>(sent);
    assertEquals(3, queries.size(), "the holder's and two batches': " + sent);
    assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), args(queries.get(1)));
    assertEquals(List.of(10L, 11L, 12L, 13L), args(queries.get(2)));
  }

  @Test
  void aBatchOfMoreRowsThanItHoldsGivesUpAndItsPlanReadsAloneAfter() {
    Db db = db();
    List<List<Value.Record>> rows = behindAHolder(db, 101, 102);
    assertEquals(members(101), rows.get(0));
    assertEquals(members(102), rows.get(1));
    List<Operation.QuerySql> queries = new ArrayList<>(sent);
    // the holder, the batch (10,000 rows: given up), then each read alone
    assertEquals(4, queries.size(), "" + queries.stream().map(ValueListsTest::args).toList());
    assertEquals(List.of(101L, 102L), args(queries.get(1)));
    assertEquals(1, queries.get(2).args().size());
    assertEquals(1, queries.get(3).args().size());

    // the plan is no longer batched: two more reads behind a holder send their own queries
    sent.clear();
    open = Sinks.empty();
    List<List<Value.Record>> after = behindAHolder(db, 2, 3);
    assertEquals(members(2), after.get(0));
    assertEquals(members(3), after.get(1));
    sent.forEach(q -> assertEquals(1, q.args().size(), "no batch: " + args(q)));
    assertEquals(3, sent.size());
    assertEquals(0, db.poolState().orElseThrow().acquired());
  }

  @Test
  void aBatchOfOneValueWithMoreRowsThanABatchHoldsStreamsItsOwn() {
    Db db = db();
    List<List<Value.Record>> rows = behindAHolder(db, 201);
    assertEquals(members(201), rows.get(0));
    List<Operation.QuerySql> queries = new ArrayList<>(sent);
    // the holder, the batch's (its own statement, given up past 8,192 rows), then its own
    assertEquals(3, queries.size(), "" + queries.stream().map(ValueListsTest::args).toList());
    assertEquals(queries.get(1).statement(), queries.get(2).statement());
    assertEquals(0, db.poolState().orElseThrow().acquired());
  }

  @Test
  void turnedOffEveryReadSendsItsOwnQuery() {
    List<List<Value.Record>> rows = behindAHolder(db(false), 3, 2, 4);
    assertEquals(List.of(members(3), members(2), members(4)), rows);
    assertEquals(4, sent.size());
    sent.forEach(q -> assertEquals(1, q.args().size()));
  }
}
