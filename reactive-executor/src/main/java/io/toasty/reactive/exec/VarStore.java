package io.toasty.reactive.exec;

import io.toasty.value.Value;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stored variables of one execution, each dropped as soon as its last reader has taken it
 * (the variable's lifetime, counted in readers at plan time).
 */
final class VarStore {
  private final ConcurrentHashMap<Integer, Slot> slots = new ConcurrentHashMap<>();

  void put(int var, List<Value.Record> rows, int readers) {
    slots.put(var, new Slot(rows, new AtomicInteger(readers)));
  }

  /** The rows of {@code var}, counting one reader off. */
  List<Value.Record> take(int var) {
    Slot slot = slots.get(var);
    if (slot == null) {
      throw new IllegalStateException("variable $" + var + " read before it was set");
    }
    if (slot.readers.decrementAndGet() <= 0) {
      slots.remove(var);
    }
    return slot.rows;
  }

  /** How many variables are held now. */
  int size() {
    return slots.size();
  }

  private record Slot(List<Value.Record> rows, AtomicInteger readers) {}
}
