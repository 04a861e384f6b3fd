package io.toasty.reactive.internal.hook;

import io.toasty.reactive.Tx;
import io.toasty.reactive.hook.HookKind;
import io.toasty.reactive.hook.ModelHook;
import io.toasty.reactive.hook.RecordHook;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The hooks a {@code Db} was built with, by model name and kind, in registration order. */
public final class HookTable {
  private static final HookTable NONE = new HookTable(Map.of());

  private final Map<String, Map<HookKind, List<RecordHook<Object>>>> byModel;

  private HookTable(Map<String, Map<HookKind, List<RecordHook<Object>>>> byModel) {
    this.byModel = byModel;
  }

  /** The table of {@code hooks}. */
  @SuppressWarnings("unchecked")
  public static HookTable of(List<ModelHook<?>> hooks) {
    if (hooks.isEmpty()) {
      return NONE;
    }
    Map<String, Map<HookKind, List<RecordHook<Object>>>> byModel = new HashMap<>();
    for (ModelHook<?> h : hooks) {
      byModel.computeIfAbsent(h.model().name(), m -> new EnumMap<>(HookKind.class))
          .computeIfAbsent(h.hook().kind(), k -> new ArrayList<>())
          .add((RecordHook<Object>) h.hook().function());
    }
    return new HookTable(byModel);
  }

  /** Whether no model has hooks. */
  public boolean isEmpty() {
    return byModel.isEmpty();
  }

  /** Whether {@code model} has a hook of {@code kind}, or of its pair (before or after). */
  boolean has(String model, HookKind before, HookKind after) {
    Map<HookKind, ?> kinds = byModel.get(model);
    return kinds != null && (kinds.containsKey(before) || kinds.containsKey(after));
  }

  /**
   * The hooks of {@code kind} of {@code model} run for the record {@code record} makes (made only
   * where there is a hook to run) one after the other, in registration order, inside
   * {@code tx}; a hook that throws or returns null, or a record that cannot be made, fails the
   * result.
   */
  Mono<Void> run(HookKind kind, String model, Tx tx, Supplier<Object> record) {
    Map<HookKind, List<RecordHook<Object>>> kinds = byModel.get(model);
    List<RecordHook<Object>> hooks = kinds == null ? null : kinds.get(kind);
    if (hooks == null) {
      return Mono.empty();
    }
    return Mono.fromSupplier(record).flatMap(r -> Flux.fromIterable(hooks)
        .concatMap(h -> Mono.defer(() -> h.apply(tx, r)).then())
        .then());
  }
}
