package io.toasty.tck.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.Change;
import io.toasty.reactive.Db;
import io.toasty.tck.Backend;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.FreshDatabase;
import io.toasty.tck.LeakWatch;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Chore;
import io.toasty.tck.models.Chores;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.parallel.ResourceLock;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Change streams under load, the cheap version of {@code benchmarks/}' change stream run: a
 * hundred subscribers of one model's changes share one listener (one server connection, not a
 * hundred: PostgreSQL's {@code max_connections} is 100 by default), each sees every one of fifty
 * changes with each key's in the order written, and the listener's connection is closed when the
 * last subscriber leaves, not before.
 */
@FreshDatabase
@Models(Chores.class)
@Requires({Need.CHANGE_STREAMS, Need.SERVER_SESSIONS, Need.INTERACTIVE_TRANSACTIONS})
@ResourceLock(LeakWatch.LEVEL)
public abstract class ChangeStreamLoadScenarios {
  static final int SUBSCRIBERS = 100;
  static final int KEYS = 10;
  /** Each key's writes: a create, three updates, a delete. */
  static final List<String> WRITES = List.of("CREATED", "UPDATED", "UPDATED", "UPDATED",
      "DELETED");

  @BackendTest
  public void aHundredSubscribersShareOneListenerAndEachSeesEveryChange(BackendContext cx,
      Backend backend) {
    BackendContext.Opened opened = cx.open();
    FaultChecks.refuseWithoutSessions(backend, opened.database());
    Db db = opened.db();
    FaultChecks.idle(db, "before the streams");
    int before = Tck.await(backend.serverConnections(opened.database()));
    List<ChangeStreamScenarios.Watch> watches = new ArrayList<>();
    int read;
    try {
      for (int i = 0; i < SUBSCRIBERS; i++) {
        watches.add(ChangeStreamScenarios.Watch.of(db));
      }
      assertEquals(before + 1, Tck.await(backend.serverConnections(opened.database())),
          "server connections while " + SUBSCRIBERS + " streams listen");
      // one transaction: the records of its fifty notices are read for every subscriber at once
      Tck.await(db.transactionMono(tx -> Flux.range(0, KEYS).concatMap(k -> {
        String code = "c" + k;
        return Chores.create().code(code).title("t").points(0).exec(tx)
            .then(Chores.updateByCode(code).points(1).exec(tx))
            .then(Chores.updateByCode(code).points(2).exec(tx))
            .then(Chores.updateByCode(code).points(3).exec(tx))
            .then(Chores.deleteByCode(code).exec(tx));
      }).then(Mono.just(KEYS))));
      for (ChangeStreamScenarios.Watch watch : watches) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < KEYS * WRITES.size(); i++) {
          Change<Chore> c = watch.next();
          seen.add(((Value.Str) c.key().get(0)).value() + " " + c.kind());
        }
        for (int k = 0; k < KEYS; k++) {
          String code = "c" + k;
          assertEquals(WRITES.stream().map(w -> code + " " + w).toList(),
              seen.stream().filter(s -> s.startsWith(code + " ")).toList(),
              "the changes of " + code);
        }
      }
      // the pool may have grown for the reads, and keeps its idle connections
      FaultChecks.idle(db, "after the reads");
      read = Tck.await(backend.serverConnections(opened.database()));
      for (int i = 0; i < SUBSCRIBERS - 1; i++) {
        watches.remove(watches.size() - 1).close();
      }
      assertEquals(read, Tck.await(backend.serverConnections(opened.database())),
          "the listener while one subscriber stays");
    } finally {
      watches.forEach(ChangeStreamScenarios.Watch::close);
    }
    int pooled = read - 1;
    Tck.eventually("the listener's connection is gone once the last subscriber left",
        () -> Tck.await(backend.serverConnections(opened.database())) == pooled);
  }
}
