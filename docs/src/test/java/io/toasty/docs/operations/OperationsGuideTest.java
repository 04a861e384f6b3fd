package io.toasty.docs.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.toasty.reactive.Db;
import org.junit.jupiter.api.Test;

/** Runs the examples of docs/operations.md and reads the meters they make. */
class OperationsGuideTest {

  @Test
  void retriedWorkRunsAsWritten() {
    Db db = OperationsGuide.retrying("r2dbc:h2:mem:///operations-retry");
    try {
      db.schema().push().block();
      Metric m = Metrics.create().name("bumped").value(1).exec(db).block();
      // ten concurrent read-modify-write transactions: every bump counts, conflicts are retried
      reactor.core.publisher.Flux.range(0, 10)
          .flatMap(i -> OperationsGuide.bump(db, m.id()))
          .blockLast();
      assertEquals(11, Metrics.getById(db, m.id()).block().value());
    } finally {
      db.close().block();
    }
  }

  @Test
  void aLoggedDbRunsStatements() {
    Db db = OperationsGuide.logged("r2dbc:h2:mem:///operations-logging");
    try {
      db.schema().push().block();
      Metric m = Metrics.create().name("logged").value(2).exec(db).block();
      assertEquals(2, Metrics.getById(db, m.id()).block().value());
    } finally {
      db.close().block();
    }
  }

  @Test
  void statementsAreTimedAndThePoolIsGauged() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Db db = OperationsGuide.observed("r2dbc:h2:mem:///operations-guide", meters);
    try {
      db.schema().push().block();
      Metric m = Metrics.create().name("requests").value(1).exec(db).block();
      Metrics.getById(db, m.id()).block();
      assertEquals(1, meters.get("toasty.statement").tag("db.operation", "insert")
          .tag("db.model", "Metric").timer().count());
      assertEquals(1, meters.get("toasty.statement").tag("db.operation", "select")
          .timer().count());
      assertEquals(10.0, meters.get("toasty.pool.max").gauge().value());
    } finally {
      db.close().block();
    }
  }

  @Test
  void aValueOutOfRangeIsRefusedNamingTheField() {
    Db db = OperationsGuide.retrying("r2dbc:h2:mem:///operations-ranges");
    try {
      db.schema().push().block();
      assertEquals("Metric.name", OperationsGuide.refused(db).block());
      assertEquals(0, Metrics.all().collect(db).block().size());
    } finally {
      db.close().block();
    }
  }
}
