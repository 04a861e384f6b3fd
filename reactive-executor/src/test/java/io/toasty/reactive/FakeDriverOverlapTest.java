package io.toasty.reactive;

import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.reactive.internal.tx.TxSession;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The fake driver's overlap check, on which the cancellation tests rely: an operation sent while
 * another still runs on the connection is counted, and the message names what was running (so
 * that a rare failure in {@link TxRandomCancelTest} says which operation was still open, in which
 * phase, and who sent the late one).
 */
class FakeDriverOverlapTest {

  @Test
  void anOperationSentWhileAnotherRunsIsCountedAndNamesTheRunningOne() {
    Dbs t = new Dbs(Dbs.ROW_BY_ROW);
    t.driver.respond(op -> op instanceof Operation.Transaction tr
        && tr.kind() == Operation.Transaction.Kind.BEGIN ? Mono.<ExecResponse>never() : null);
    Connection c = t.driver.connect().block();
    Disposable begin = c.exec(TxSession.op(Operation.Transaction.Kind.BEGIN)).subscribe();
    c.exec(TxSession.op(Operation.Transaction.Kind.ROLLBACK)).block();

    assertEquals(1, t.driver.overlaps.get());
    String message = t.driver.overlapLog.get(0);
    assertTrue(message.contains("ROLLBACK entered"), message);
    assertTrue(message.contains("running [BEGIN sent on "), message);
    assertTrue(message.contains("FakeDriverOverlapTest"), message);

    begin.dispose(); // a cancel ends the running operation: the next one does not overlap
    c.exec(TxSession.op(Operation.Transaction.Kind.ROLLBACK)).block();
    assertEquals(1, t.driver.overlaps.get(), () -> t.driver.overlapLog.toString());
  }
}
