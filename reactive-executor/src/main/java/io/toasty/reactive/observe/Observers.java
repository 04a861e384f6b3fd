package io.toasty.reactive.observe;

import java.util.ArrayList;
import java.util.List;
import reactor.util.context.ContextView;

/** Several observers as one: each sees every statement, in the order they were given. */
public final class Observers implements StatementObserver {
  private final List<StatementObserver> all;

  private Observers(List<StatementObserver> all) {
    this.all = List.copyOf(all);
  }

  /** {@code first} then {@code second}; either may itself be an {@code Observers}. */
  public static StatementObserver both(StatementObserver first, StatementObserver second) {
    List<StatementObserver> list = new ArrayList<>();
    add(list, first);
    add(list, second);
    return new Observers(list);
  }

  /** Whether {@code o} is, or has among its observers, a {@code type}. */
  static boolean contains(StatementObserver o, Class<? extends StatementObserver> type) {
    return o instanceof Observers many ? many.all.stream().anyMatch(type::isInstance)
        : type.isInstance(o);
  }

  private static void add(List<StatementObserver> list, StatementObserver o) {
    if (o instanceof Observers many) {
      list.addAll(many.all);
    } else {
      list.add(o);
    }
  }

  @Override
  public StatementObservation start(StatementInfo info, ContextView context) {
    List<StatementObservation> started = new ArrayList<>(all.size());
    for (StatementObserver o : all) {
      started.add(o.start(info, context));
    }
    return (rows, error, cancelled) -> {
      for (StatementObservation s : started) {
        s.end(rows, error, cancelled);
      }
    };
  }
}
