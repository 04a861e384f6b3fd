package io.toasty.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.Change;
import io.toasty.driver.ChangeNotice;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log read after a token and the live notifications meet with nothing missed or twice. */
class ResumeOrderTest {

  private static ChangeNotice change(long seq) {
    return new ChangeNotice(Change.Kind.CREATED, Value.Record.of(new Value.I64(seq)), "9." + seq);
  }

  private static List<String> feed(ResumeOrder order, ResumeOrder.Heard... heard) {
    List<String> out = new ArrayList<>();
    for (ResumeOrder.Heard h : heard) {
      order.next(h).forEach(n -> out.add(n.key() == null ? n.kind().name() : n.token()));
    }
    return out;
  }

  private static ResumeOrder.Heard live(long seq) {
    return new ResumeOrder.Heard(change(seq), true);
  }

  private static ResumeOrder.Heard logged(long seq) {
    return new ResumeOrder.Heard(change(seq), false);
  }

  /**
   * Live notifications heard while the log is read wait for it; those the log gave already
   * (5, 6) are dropped, the later ones (7) follow it; after it, each live one at once.
   */
  @Test
  void liveNoticesWaitForTheLogAndAreNotGivenTwice() {
    ResumeOrder order = new ResumeOrder(4);
    assertEquals(List.of("LISTENING", "9.5", "9.6", "9.7", "9.8"), feed(order,
        new ResumeOrder.Heard(ChangeNotice.mark(Change.Kind.LISTENING), false),
        live(5), logged(5), live(6), logged(6), live(7), ResumeOrder.CAUGHT_UP, live(8)));
  }

  /** A live notification at or below the token's number (already seen) is never given. */
  @Test
  void nothingAtOrBeforeTheTokenIsGiven() {
    ResumeOrder order = new ResumeOrder(10);
    assertEquals(List.of("9.11"), feed(order, ResumeOrder.CAUGHT_UP, live(9), live(10),
        live(11), live(11)));
  }
}
