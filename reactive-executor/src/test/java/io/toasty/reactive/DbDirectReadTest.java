package io.toasty.reactive;

import static io.toasty.reactive.Models.USER;
import static io.toasty.reactive.Models.str;
import static io.toasty.reactive.Models.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.ModelDef;
import io.toasty.driver.Capability;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.value.RowReader;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * {@code Db.read} and {@code Db.readAll}: a plan that is one SQL query of the model's fields has the records built by
 * the model's row reader; transactions and plans that need the engine between rows and records
 * load values. Both give the same records.
 */
class DbDirectReadTest {
  private static final Value.Record ANN = Value.Record.of(new Value.I64(1), new Value.Str("Ann"),
      new Value.Str("ann@example.com"), Value.NULL);

  /** A model def that counts how often each path built a record. */
  static class Counted implements ModelDef<String> {
    final AtomicInteger loads = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public ModelSchema schema() {
      return USER;
    }

    @Override
    public Class<String> type() {
      return String.class;
    }

    @Override
    public String load(Value.Record row) {
      loads.incrementAndGet();
      return ((Value.Str) row.get(1)).value() + "/" + row.get(3).isNull();
    }

    @Override
    public RowReader<String> rowReader() {
      return row -> {
        reads.incrementAndGet();
        return row.str(1) + "/" + row.isNull(3);
      };
    }

    @Override
    public Value.Record values(String record) {
      throw new UnsupportedOperationException();
    }
  }

  private static Dbs answering(Value.Record row) {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> op instanceof Operation.QuerySql q && !q.rowType().isEmpty()
        ? Mono.just(new ExecResponse.Rows(Flux.just(row))) : null);
    return t;
  }

  @Test
  void aPlainReadIsBuiltByTheRowReader() {
    Dbs t = answering(ANN);
    Counted model = new Counted();
    Query q = Query.all("User").withFilter(new ExprNode.Compare(ExprNode.CompareOp.EQ, user(1),
        str("Ann")));
    assertEquals(List.of("Ann/true"), t.db.read(q, model).collectList().block());
    assertEquals(1, model.reads.get());
    assertEquals(0, model.loads.get());
    Operation.QuerySql sent = (Operation.QuerySql) t.driver.log.get(0);
    assertEquals(List.of(new Value.Str("Ann")), sent.args());
  }

  @Test
  void inATransactionRowsAreLoadedFromValues() {
    Dbs t = answering(ANN);
    Counted model = new Counted();
    List<String> names = t.db.transactionMono(tx -> tx.read(Query.all("User"), model)
        .collectList()).block();
    assertEquals(List.of("Ann/true"), names);
    assertEquals(0, model.reads.get());
    assertEquals(1, model.loads.get());
  }

  @Test
  void aCollectedReadIsOneListBuiltByTheDriver() {
    Dbs t = answering(ANN);
    Counted model = new Counted();
    assertEquals(List.of("Ann/true"), t.db.readAll(Query.all("User"), model, null).block());
    assertEquals(1, t.driver.readAlls.get());
    assertEquals(1, model.reads.get());
    assertEquals(0, model.loads.get());
  }

  @Test
  void aCollectedReadOfNoRowsIsAnEmptyList() {
    Dbs t = new Dbs(Capability.H2);
    assertEquals(List.of(), t.db.readAll(Query.all("User"), new Counted(), null).block());
    assertEquals(1, t.driver.readAlls.get());
  }

  @Test
  void aCollectedReadInATransactionIsLoadedFromValues() {
    Dbs t = answering(ANN);
    Counted model = new Counted();
    List<String> names = t.db.transactionMono(tx -> tx.readAll(Query.all("User"), model, null))
        .block();
    assertEquals(List.of("Ann/true"), names);
    assertEquals(0, t.driver.readAlls.get());
    assertEquals(1, model.loads.get());
  }

  @Test
  void aCollectedReadThatFailsIsTheSignal() {
    Dbs t = new Dbs(Capability.H2);
    IllegalStateException boom = new IllegalStateException("boom");
    t.driver.respond(op -> op instanceof Operation.QuerySql ? Mono.error(boom) : null);
    StepVerifier.create(t.db.readAll(Query.all("User"), new Counted(), null))
        .expectErrorMatches(e -> e == boom)
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void aCollectedReadWithoutARowReaderLoadsValues() {
    Dbs t = answering(ANN);
    Counted plain = new Counted() {
      @Override
      public RowReader<String> rowReader() {
        return null;
      }
    };
    assertEquals(List.of("Ann/true"), t.db.readAll(Query.all("User"), plain, null).block());
    assertEquals(0, t.driver.readAlls.get());
    assertEquals(1, plain.loads.get());
  }

  @Test
  void aModelWithoutARowReaderLoadsValues() {
    Dbs t = answering(ANN);
    Counted plain = new Counted() {
      @Override
      public RowReader<String> rowReader() {
        return null;
      }
    };
    assertEquals(List.of("Ann/true"), t.db.read(Query.all("User"), plain).collectList().block());
    assertEquals(1, plain.loads.get());
  }
}
