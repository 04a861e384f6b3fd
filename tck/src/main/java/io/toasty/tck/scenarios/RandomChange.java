package io.toasty.tck.scenarios;

import io.toasty.CollectionPath;
import io.toasty.Expr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A random change of a list's or set's items for the collection family's random changes: items
 * added or removed, partly the collection's own so that removals find something, and what the
 * change makes of a set in memory.
 *
 * @param add   whether the items are added (else removed)
 * @param items the items, in random order
 */
record RandomChange<T>(boolean add, List<T> items) {
  static <T> RandomChange<T> of(Random r, Collection<T> own, Collection<T> fresh) {
    return new RandomChange<>(r.nextBoolean(), some(r, own, fresh));
  }

  /** Some of {@code own}'s items and some of {@code fresh}'s, shuffled. */
  static <T> List<T> some(Random r, Collection<T> own, Collection<T> fresh) {
    List<T> out = new ArrayList<>();
    own.forEach(x -> {
      if (r.nextBoolean()) {
        out.add(x);
      }
    });
    fresh.forEach(x -> {
      if (r.nextBoolean()) {
        out.add(x);
      }
    });
    Collections.shuffle(out, r);
    return out;
  }

  /** The change as an update assigns it to {@code path}. */
  <C extends Collection<T>> Expr<C> of(CollectionPath<C, T> path) {
    return add ? path.append(items) : path.remove(items);
  }

  /** What the change makes of {@code before}. */
  Set<T> applied(Set<T> before) {
    Set<T> out = new LinkedHashSet<>(before);
    if (add) {
      out.addAll(items);
    } else {
      out.removeAll(items);
    }
    return out;
  }

  /** What the change makes of an absent set: the items added, else still absent. */
  Optional<Set<T>> appliedToNull() {
    return add ? Optional.of(new LinkedHashSet<>(items)) : Optional.empty();
  }
}
