package io.toasty.reactive.exec;

import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The stored variables of one execution, each dropped as soon as its last reader has taken it
 * (the variable's lifetime, counted in readers at plan time).
 */
final class VarStore {
  /** Made on the first put: most executions store nothing. */
  private volatile @Nullable ConcurrentHashMap<Integer, Slot> slots;

  void put(int var, List<Value.Record> rows, int readers) {
    ConcurrentHashMap<Integer, Slot> s = slots;
    if (s == null) {
      synchronized (this) {
        s = slots;
        if (s == null) {
          slots = s = new ConcurrentHashMap<>();
        }
      }
    }
    s.put(var, new Slot(rows, new AtomicInteger(readers)));
  }

  /** The rows of {@code var}, counting one reader off. */
  List<Value.Record> take(int var) {
    ConcurrentHashMap<Integer, Slot> s = slots;
    Slot slot = s == null ? null : s.get(var);
    if (slot == null) {
      throw new IllegalStateException("variable $" + var + " read before it was set");
    }
    if (slot.readers.decrementAndGet() <= 0) {
      Objects.requireNonNull(s).remove(var); // a slot was found in it
    }
    return slot.rows;
  }

  /** How many variables are held now. */
  int size() {
    ConcurrentHashMap<Integer, Slot> s = slots;
    return s == null ? 0 : s.size();
  }

  private record Slot(List<Value.Record> rows, AtomicInteger readers) {}
}
