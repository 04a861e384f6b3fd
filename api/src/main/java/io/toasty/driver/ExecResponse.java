package io.toasty.driver;

import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;

/** What a driver answers to an {@link Operation}: rows, or a count of affected rows. */
public sealed interface ExecResponse {

  /**
   * Rows, streamed with backpressure. The stream must be consumed (or cancelled) before the
   * connection is used again, as with R2DBC results.
   */
  record Rows(Flux<Value.Record> rows) implements ExecResponse {
    public Rows {
      Objects.requireNonNull(rows, "rows");
    }
  }

  /** One response per operation of an {@code Operation.Atomic}, in order. */
  record Each(List<ExecResponse> responses) implements ExecResponse {
    public Each {
      responses = List.copyOf(responses);
    }
  }

  /** The number of rows a mutation affected, or 0 for a transaction operation. */
  record Count(long count) implements ExecResponse {}
}
