package io.toasty.dynamo.op;

import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;

/**
 * The pages of one ExecuteStatement, asked one request at a time and only on demand: the next
 * page (from the previous one's {@code NextToken}) is requested when the subscriber asks for one
 * and no request is under way. Cancelling cancels the request under way and asks no more.
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
    ExecuteStatementRequest request = next;
    inFlight.update(cx.call(() -> cx.client().executeStatement(request))
        .contextWrite(sink.contextView())
        .subscribe(this::page, sink::error));
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
