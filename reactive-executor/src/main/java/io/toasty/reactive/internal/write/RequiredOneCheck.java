package io.toasty.reactive.internal.write;

import io.toasty.reactive.internal.write.CardinalityCheck;

import io.toasty.Executor;
import io.toasty.error.CardinalityException;
import io.toasty.planner.cardinality.CardinalityGuard;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The required has-ones ({@code HasOne<Passport>}: exactly one) a transaction's writes touched,
 * checked when it ends, before COMMIT: each owner that still exists must have exactly one related
 * record, else the transaction fails with {@link CardinalityException#exactlyOne} and rolls back.
 * Checking at the end, not after each statement, lets a transaction replace the record (delete
 * the old one, create the new one) or swap two owners' records. The owners were locked by the
 * writes ({@link CardinalityCheck}), so a concurrent transaction touching one waits for this one.
 */
public final class RequiredOneCheck {
  private final Map<List<Object>, CardinalityGuard> pending = new LinkedHashMap<>();

  /** Adds {@code guards}, each record once. */
  public synchronized void add(List<CardinalityGuard> guards) {
    for (CardinalityGuard g : guards) {
      pending.putIfAbsent(List.of(g.owner(), g.relation(), g.key()), g);
    }
  }

  /** Whether no record waits to be checked. */
  public synchronized boolean isEmpty() {
    return pending.isEmpty();
  }

  /** Checks the records added so far, in {@code tx}, and forgets them. */
  public Mono<Void> check(Executor tx, Schema schema) {
    return Mono.defer(() -> {
      List<CardinalityGuard> guards;
      synchronized (this) {
        guards = new ArrayList<>(pending.values());
        pending.clear();
      }
      return Flux.fromIterable(guards).concatMap(g -> check(tx, schema, g), 1).then();
    });
  }

  private static Mono<Void> check(Executor tx, Schema schema, CardinalityGuard g) {
    return CardinalityCheck.countOf(tx, g.owner(),
            CardinalityCheck.equalities(g.owner(), g.ownerFields(), CardinalityCheck.key(g)))
        .filter(owners -> owners > 0)
        .flatMap(owner -> CardinalityCheck.countOf(tx, g.counted(),
            CardinalityCheck.equalities(g.counted(), g.countedFields(), CardinalityCheck.key(g))))
        .flatMap(n -> n == 1 ? Mono.<Void>empty() : Mono.error(error(schema, g, n)));
  }

  private static CardinalityException error(Schema schema, CardinalityGuard g, long n) {
    ModelSchema owner = schema.model(g.owner());
    return CardinalityException.exactlyOne(g.owner(), g.relation(),
        g.describe(g.ownerFields().stream().map(owner::fieldName).toList()), n, null);
  }

}
