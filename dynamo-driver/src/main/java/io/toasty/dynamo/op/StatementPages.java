package io.toasty.dynamo.op;

import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;

/**
 * The pages of one ExecuteStatement, asked one request at a time and only on demand: the next
 * page (from the previous one's {@code NextToken}) is requested when the subscriber asks for one
 * and no request is under way. Cancelling cancels the request under way and asks no more.
 *
 * <p>A request's subscriber is the one to cancel from its creation, before it is subscribed: a
 * page may come back (and send the next request) before its subscription returns, and that
 * next request must stay the one a cancel reaches, not be cancelled by the late bookkeeping of
 * the one before it (which left a stream waiting for ever for a page whose request it had itself
 * cancelled).
 */
final class StatementPages {
  private final DynamoContext cx;
  private final FluxSink<ExecuteStatementResponse> sink;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final Disposable.Swap inFlight = Disposables.swap();
  private volatile ExecuteStatementRequest next;

  private StatementPages(DynamoContext cx, FluxSink<ExecuteStatementResponse> sink,
      ExecuteStatementRequest first) {
    this.cx = cx;
    this.sink = sink;
    this.next = first;
  }

  static Flux<ExecuteStatementResponse> of(DynamoContext cx, ExecuteStatementRequest request) {
    return Flux.create(sink -> {
      StatementPages pages = new StatementPages(cx, sink, request);
      sink.onDispose(pages.inFlight);
      sink.onRequest(n -> pages.ask());
    });
  }

  /** Sends the next request, unless one is under way, none is asked for, or none is left. */
  private void ask() {
    if (sink.isCancelled() || sink.requestedFromDownstream() == 0 || !busy.compareAndSet(false,
        true)) {
      return;
    }
    BaseSubscriber<ExecuteStatementResponse> request = new BaseSubscriber<>() {
      @Override
      protected void hookOnNext(ExecuteStatementResponse response) {
        page(response);
      }

      @Override
      protected void hookOnError(Throwable e) {
        sink.error(e);
      }
    };
    inFlight.replace(request); // disposed at once if the stream was cancelled meanwhile
    ExecuteStatementRequest asked = next;
    cx.call(() -> cx.client().executeStatement(asked)).contextWrite(sink.contextView())
        .subscribe(request);
  }

  private void page(ExecuteStatementResponse response) {
    sink.next(response);
    if (response.nextToken() == null) {
      sink.complete();
      return;
    }
    next = next.toBuilder().nextToken(response.nextToken()).build();
    busy.set(false);
    ask();
  }
}
