package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.toasty.Executor;
import io.toasty.ModelDef;
import io.toasty.codegen.samples.Memberships;
import io.toasty.codegen.samples.OrderLine;
import io.toasty.codegen.samples.OrderLines;
import io.toasty.codegen.samples.Users;
import io.toasty.stmt.Query;
import io.toasty.stmt.Shaped;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The generated finders hand their queries to the executor with their shape key and values
 * (one key per finder, the same each call; the values as the planner numbers its slots), a
 * limit keeps the key's limited child, and every other change of the query drops the key.
 */
class FinderShapeKeysTest {
  /** Records what each read was given, and runs nothing. */
  private static final class Recording implements Executor {
    final List<Shaped> shaped = new ArrayList<>();
    final List<Query> queries = new ArrayList<>();
    int collected;

    @Override
    public Flux<Value> exec(StatementNode statement) {
      return Flux.empty();
    }

    @Override
    public <M> Flux<M> read(Query query, ModelDef<M> model) {
      queries.add(query);
      shaped.add(null);
      return Flux.empty();
    }

    @Override
    public <M> Flux<M> read(Query query, ModelDef<M> model, Shaped s) {
      queries.add(query);
      shaped.add(s);
      return Flux.empty();
    }

    @Override
    public <M> Mono<List<M>> readAll(Query query, ModelDef<M> model, @Nullable Shaped s) {
      collected++;
      return Executor.super.readAll(query, model, s);
    }
  }

  @Test
  void collectAsksForOneListWithTheKeyAndStreamForRecords() {
    Recording db = new Recording();
    Users.filterById(5).collect(db).block();
    Users.filterById(5).stream(db).blockLast();
    assertEquals(1, db.collected);
    assertSame(db.shaped.get(0).key(), db.shaped.get(1).key());
  }

  @Test
  void aFinderCarriesItsKeyAndValues() {
    Recording db = new Recording();
    Users.filterById(5).collect(db).block();
    Users.filterById(6).collect(db).block();
    Users.filterByEmail("a@x").collect(db).block();
    assertEquals(List.of(new Value.I64(5)), db.shaped.get(0).values());
    assertSame(db.shaped.get(0).key(), db.shaped.get(1).key());
    assertNotSame(db.shaped.get(0).key(), db.shaped.get(2).key());
    assertEquals(List.of(new Value.Str("a@x")), db.shaped.get(2).values());
    assertEquals(Users.filter(Users.ID.eq(6L)).untyped(), db.queries.get(1));
  }

  @Test
  void compositeAndEmbeddedKeysCarryTheirValuesInKeyOrder() {
    Recording db = new Recording();
    Memberships.filterByTenantAndId("t", 7).collect(db).block();
    OrderLines.filterById(new OrderLine.Id(3, 4)).collect(db).block();
    assertEquals(List.of(new Value.Str("t"), new Value.I64(7)), db.shaped.get(0).values());
    assertEquals(List.of(new Value.I64(3), new Value.I32(4)), db.shaped.get(1).values());
  }

  @Test
  void aLimitKeepsTheLimitedChildKey() {
    Recording db = new Recording();
    Users.filterByEmail("a@x").collect(db).block();
    Users.filterByEmail("a@x").limit(100).collect(db).block();
    Users.filterByEmail("b@x").first(db).block();
    assertSame(db.shaped.get(0).key().limited(), db.shaped.get(1).key());
    assertEquals(List.of(new Value.Str("a@x"), new Value.I64(100)), db.shaped.get(1).values());
    assertSame(db.shaped.get(1).key(), db.shaped.get(2).key());
    assertEquals(List.of(new Value.Str("b@x"), new Value.I64(1)), db.shaped.get(2).values());
  }

  @Test
  void aGetByKeyCarriesTheKeyWithoutALimit() {
    Recording db = new Recording();
    Users.getById(db, 5).onErrorResume(e -> Mono.empty()).block();
    assertEquals(List.of(new Value.I64(5)), db.shaped.get(0).values());
    assertNull(db.queries.get(0).limit());
  }

  @Test
  void allCarriesTheModelsKeyAndAnyChangeButALimitDropsIt() {
    Recording db = new Recording();
    Users.all().collect(db).block();
    Users.all().stream(db).blockLast();
    Users.all().limit(10).collect(db).block();
    Users.all().filter(Users.NAME.eq("a")).collect(db).block();
    Users.all().orderBy(Users.NAME.asc()).collect(db).block();
    Users.all().eventuallyConsistent().collect(db).block();
    assertEquals(List.of(), db.shaped.get(0).values());
    assertSame(db.shaped.get(0).key(), db.shaped.get(1).key());
    assertNotSame(db.shaped.get(0).key(), Users.filterById(1).collect(db).then(Mono.fromSupplier(
        () -> db.shaped.get(db.shaped.size() - 1).key())).block());
    assertSame(db.shaped.get(0).key().limited(), db.shaped.get(2).key());
    assertEquals(List.of(new Value.I64(10)), db.shaped.get(2).values());
    assertNull(db.shaped.get(3));
    assertNull(db.shaped.get(4));
    assertNull(db.shaped.get(5));
  }

  @Test
  void everyOtherChangeDropsTheKey() {
    Recording db = new Recording();
    Users.filterById(5).orderBy(Users.NAME.asc()).collect(db).block();
    Users.filterById(5).offset(2).collect(db).block();
    Users.filterById(5).limit(2).limit(3).collect(db).block();
    Users.filterById(5).filter(Users.NAME.eq("a")).collect(db).block();
    Users.filterById(5).eventuallyConsistent().collect(db).block();
    Users.filterById(5).withoutEager().collect(db).block();
    Users.filter(Users.ID.eq(5L)).collect(db).block();
    db.shaped.forEach(s -> assertNull(s));
    assertEquals(7, db.shaped.size());
  }
}
