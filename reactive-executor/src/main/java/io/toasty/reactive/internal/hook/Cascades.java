package io.toasty.reactive.internal.hook;

import io.toasty.reactive.Tx;
import io.toasty.reactive.hook.HookKind;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The records the engine's cascade deletes with their parent, for the delete hooks of their
 * models: the records of a required belongs-to to a deleted record, recursively. (Records of an
 * optional belongs-to are unlinked, not deleted: they run no hooks.)
 *
 * @param table the hooks
 * @param schema the models, whose relations say what a delete cascades to
 */
record Cascades(HookTable table, Schema schema) {
  /** A record a cascade deletes, of {@code model}. */
  record Gone(String model, Value.Record record) {}

  /** How {@link HookedWrites} reads the records of a model that match a filter. */
  @FunctionalInterface
  interface Reader {
    Flux<Value.Record> read(Tx tx, String model, ExprNode filter);
  }

  /** Whether deleting a record of {@code model} cascades to a model with delete hooks. */
  boolean hooked(String model) {
    return hooked(model, new HashSet<>());
  }

  private boolean hooked(String model, Set<String> seen) {
    if (!seen.add(model)) {
      return false;
    }
    for (Child c : children(model)) {
      if (table.has(c.model().name(), HookKind.BEFORE_DELETE, HookKind.AFTER_DELETE)
          || hooked(c.model().name(), seen)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The records a delete of {@code parents} (of {@code model}) cascades to, parents before
   * children, read in {@code tx} where their model or a model below has delete hooks.
   */
  Mono<List<Gone>> children(Tx tx, String model, List<Value.Record> parents, Reader reader) {
    List<Gone> out = new ArrayList<>();
    return collect(tx, model, parents, reader, out, new HashSet<>()).then(Mono.just(out));
  }

  private Mono<Void> collect(Tx tx, String model, List<Value.Record> parents, Reader reader,
      List<Gone> out, Set<String> path) {
    if (parents.isEmpty() || !path.add(model)) {
      return Mono.empty();
    }
    return Flux.fromIterable(children(model))
        .filter(c -> table.has(c.model().name(), HookKind.BEFORE_DELETE, HookKind.AFTER_DELETE)
            || hooked(c.model().name()))
        .concatMap(c -> reader.read(tx, c.model().name(), KeyFilters.matching(
                c.model().name(), c.relation().sourceFields(), c.relation().targetFields(),
                parents))
            .collectList()
            .flatMap(rows -> {
              rows.forEach(r -> out.add(new Gone(c.model().name(), r)));
              return collect(tx, c.model().name(), rows, reader, out, new HashSet<>(path));
            }))
        .then();
  }

  /** A required belongs-to of {@code model} to the parent model. */
  private record Child(ModelSchema model, RelationSchema relation) {}

  private List<Child> children(String parent) {
    List<Child> out = new ArrayList<>();
    for (ModelSchema m : schema.models()) {
      for (RelationSchema r : m.relations()) {
        if (r.kind() == RelationSchema.Kind.BELONGS_TO && !r.nullable()
            && r.target().equals(parent)) {
          out.add(new Child(m, r));
        }
      }
    }
    return out;
  }
}
