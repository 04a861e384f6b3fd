package io.toasty.tck;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Capability;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.DynamoDriver;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.SerializationFailureException;
import io.toasty.reactive.Db;
import io.toasty.tck.models.Advance;
import io.toasty.tck.models.Advances;
import io.toasty.tck.models.Lenders;
import io.toasty.tck.models.Liens;
import io.toasty.tck.models.Vouchers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * On DynamoDB, where a cascade's reads and its delete cannot share a lock, the counters that
 * checked keys keep on their target's item guard the target's delete: a record written to point
 * at the target after the cascade read its records (made to happen here, deterministically, just
 * before the cascade's transaction) cancels the delete, which leaves nothing pointing at nothing
 * and succeeds when tried again. The TCK's {@code ReferentialIntegrityTest} races the same two
 * writes on every backend; this test makes the losing interleaving happen every time.
 */
class DynamoReferrerGuardTest {
  private final AtomicReference<Mono<?>> beforeNextAtomic = new AtomicReference<>();
  private final String database = "guard_" + UUID.randomUUID().toString().substring(0, 8);
  private Db db;

  @BeforeEach
  void open() {
    db = DynamoLocalBackend.INSTANCE.open(new Backend.Request(
        List.of(Lenders.MODEL, Advances.MODEL, Liens.MODEL, Vouchers.MODEL), database, 4, 64,
        Interposing::new));
    await(db.schema().reset());
  }

  @AfterEach
  void close() {
    await(db.close());
    await(DynamoLocalBackend.INSTANCE.dispose(database));
  }

  @Test
  void aRecordWrittenAfterTheCascadeReadCancelsTheDeleteAndTheRetryTakesIt() {
    await(Lenders.create().id(1).name("one").exec(db));
    await(Advances.create().id(1).lenderId(1).amount(10).exec(db));
    beforeNextAtomic.set(Advances.create().id(2).lenderId(1).amount(20).exec(db));

    SerializationFailureException e = assertThrows(SerializationFailureException.class,
        () -> await(Lenders.deleteById(1).exec(db)));
    assertTrue(e.getMessage().contains("Advance.lenderId was written to point at the Lender "
        + "with id = 1"), e.getMessage());
    assertEquals(1L, await(Lenders.filter(Lenders.ID.eq(1L)).count(db)), "nothing deleted");
    assertEquals(List.of(1L, 2L), advanceIds());

    assertEquals(1L, await(Lenders.deleteById(1).exec(db)));
    assertEquals(List.of(), advanceIds());
  }

  @Test
  void aRestrictingRecordTheIndexDoesNotShowStillRefusesTheDelete() {
    await(Lenders.create().id(1).name("one").exec(db));
    await(Liens.create().id(1).lenderId(1).note("held").exec(db));
    // the lien's key, changed behind the driver's back, hides it from the index the delete's
    // check reads, as an index that has not caught up would; the lender's counter still has it
    setNumber("Lien", 1, "lenderId", 2);

    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> await(Lenders.deleteById(1).exec(db)));
    assertEquals(Optional.of("Lien"), e.model());
    assertTrue(e.getMessage().contains("still refers to the Lender with id = 1"),
        e.getMessage());
    assertEquals(1L, await(Lenders.filter(Lenders.ID.eq(1L)).count(db)), "nothing deleted");
  }

  @Test
  void deletingAndMovingRecordsKeepsTheCountSoTheTargetCanBeDeleted() {
    await(Lenders.create().id(1).name("one").exec(db));
    await(Lenders.create().id(2).name("two").exec(db));
    for (long id = 1; id <= 3; id++) {
      await(Advances.create().id(id).lenderId(1).amount(id).exec(db));
    }
    await(Advances.deleteById(1).exec(db));
    await(Advances.updateById(2).lenderId(2).exec(db));
    await(Liens.create().id(1).lenderId(1).note("held").exec(db));
    await(Liens.deleteById(1).exec(db));

    assertEquals(1L, await(Lenders.deleteById(1).exec(db)));
    assertEquals(List.of(2L), advanceIds());
    assertEquals(1L, await(Lenders.deleteById(2).exec(db)));
    assertEquals(List.of(), advanceIds());
  }

  private List<Long> advanceIds() {
    return await(Advances.all().orderBy(Advances.ID.asc()).collect(db)).stream()
        .map(Advance::id).toList();
  }

  /** Sets {@code model}'s {@code field} of record {@code id} straight in its item. */
  private void setNumber(String model, long id, String field, long value) {
    DynamoDriver driver = db.schema().driver(DynamoDriver.class).orElseThrow();
    var mapping = db.models().mapping(model);
    var t = db.models().table(mapping.table());
    int index = db.models().model(model).field(field).index();
    String table = t.name();
    String attribute = t.column(mapping.columnOf(index)).name();
    Mono.fromFuture(() -> driver.client().updateItem(r -> r
        .tableName(driver.tablePrefix() + table)
        .key(Map.of("id", AttributeValue.fromN(Long.toString(id))))
        .updateExpression("SET #a = :v")
        .expressionAttributeNames(Map.of("#a", attribute))
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(value))))))
        .block();
  }

  /** The driver, running the armed write just before the next atomic write reaches it. */
  private final class Interposing implements Driver {
    private final Driver delegate;

    Interposing(Driver delegate) {
      this.delegate = delegate;
    }

    @Override
    public Capability capability() {
      return delegate.capability();
    }

    @Override
    public Mono<Connection> connect() {
      return delegate.connect().map(c -> new Connection() {
        @Override
        public Mono<ExecResponse> exec(Operation operation) {
          Mono<?> first = operation instanceof Operation.Atomic
              ? beforeNextAtomic.getAndSet(null) : null;
          return first == null ? c.exec(operation) : first.then(c.exec(operation));
        }

        @Override
        public Mono<Void> close() {
          return c.close();
        }
      });
    }

    @Override
    public Mono<Void> pushSchema() {
      return delegate.pushSchema();
    }

    @Override
    public Mono<Void> resetSchema() {
      return delegate.resetSchema();
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
      return type.isInstance(this) ? Optional.of(type.cast(this)) : delegate.unwrap(type);
    }

    @Override
    public Mono<Void> close() {
      return delegate.close();
    }
  }
}
