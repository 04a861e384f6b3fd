package io.toasty.reactive.internal.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.ModelDef;
import io.toasty.reactive.hook.Hook;
import io.toasty.reactive.hook.HookKind;
import io.toasty.reactive.hook.ModelHook;
import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The hooks of a model run in the order they were added, and fail as signals. */
class HookTableTest {
  /** A model whose records are their names. */
  private static final ModelDef<String> NOTES = new ModelDef<>() {
    private final ModelSchema schema =
        new ModelSchema("Note", "x.Note", "notes", List.of(), List.of(), List.of());

    @Override
    public ModelSchema schema() {
      return schema;
    }

    @Override
    public Class<String> type() {
      return String.class;
    }

    @Override
    public String load(Value.Record row) {
      return row.get(0).toString();
    }

    @Override
    public Value.Record values(String record) {
      return Value.Record.of(Value.of(record));
    }
  };

  @Test
  void hooksOfAKindRunOneAfterTheOtherInTheOrderTheyWereAdded() {
    List<String> seen = new ArrayList<>();
    HookTable table = HookTable.of(List.of(
        ModelHook.of(NOTES, Hook.beforeCreate((tx, n) -> Mono.fromRunnable(
            () -> seen.add(1 + n)))),
        ModelHook.of(NOTES, Hook.afterCreate((tx, n) -> Mono.fromRunnable(() -> seen.add("x")))),
        ModelHook.of(NOTES, Hook.beforeCreate((tx, n) -> Mono.fromRunnable(
            () -> seen.add(2 + n))))));
    StepVerifier.create(table.run(HookKind.BEFORE_CREATE, "Note", null, () -> "a"))
        .verifyComplete();
    assertEquals(List.of("1a", "2a"), seen);
    assertTrue(table.has("Note", HookKind.BEFORE_UPDATE, HookKind.AFTER_CREATE));
    assertFalse(table.has("Note", HookKind.BEFORE_DELETE, HookKind.AFTER_DELETE));
  }

  @Test
  void aHookThatThrowsOrReturnsNullIsAnErrorAndStopsTheRest() {
    AtomicInteger later = new AtomicInteger();
    HookTable throwing = HookTable.of(List.of(
        ModelHook.of(NOTES, Hook.beforeDelete((tx, n) -> {
          throw new IllegalStateException("no " + n);
        })),
        ModelHook.of(NOTES, Hook.beforeDelete((tx, n) -> Mono.fromRunnable(
            later::incrementAndGet)))));
    Mono<Void> run = throwing.run(HookKind.BEFORE_DELETE, "Note", null, () -> "a");
    StepVerifier.create(run).verifyErrorMessage("no a");
    assertEquals(0, later.get());
    HookTable nulls = HookTable.of(List.of(ModelHook.of(NOTES,
        Hook.afterUpdate((tx, n) -> null))));
    StepVerifier.create(nulls.run(HookKind.AFTER_UPDATE, "Note", null, () -> "a"))
        .verifyError(NullPointerException.class);
  }

  @Test
  void theRecordIsMadeOnlyWhereAHookRuns() {
    AtomicInteger made = new AtomicInteger();
    HookTable table = HookTable.of(List.of(
        ModelHook.of(NOTES, Hook.afterDelete((tx, n) -> Mono.empty()))));
    StepVerifier.create(table.run(HookKind.BEFORE_DELETE, "Note", null, () -> {
      made.incrementAndGet();
      return "a";
    })).verifyComplete();
    assertEquals(0, made.get());
  }
}
