package io.toasty.tck;

import io.toasty.driver.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every {@link Operation} a {@link RecordingDriver} passed to its backend, with what came back,
 * and the faults to inject into the next ones. Thread safe: operations may be recorded from any
 * thread while a test reads the log.
 *
 * <pre>{@code
 * log.clear();
 * Users.getById(db, 1L).block();
 * assertEquals(1, log.size());
 * }</pre>
 */
public final class OperationLog {
  private final List<Entry> entries = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
  private final AtomicInteger connectFaults = new AtomicInteger();
  private volatile RuntimeException connectFault;
  private final AtomicInteger acquired = new AtomicInteger();
  private final AtomicInteger released = new AtomicInteger();

  /** What a recorded operation resulted in, so far. */
  public sealed interface Outcome {
    /** Sent, and nothing has come back yet. */
    record Pending() implements Outcome {}

    /** A stream of rows that completed after {@code rows} rows. */
    record Rows(long rows) implements Outcome {}

    /** A count of affected rows. */
    record Count(long count) implements Outcome {}

    /** An error, either from the backend or injected. */
    record Failed(Throwable error) implements Outcome {}

    /** The subscriber cancelled after {@code rows} rows. */
    record Cancelled(long rows) implements Outcome {}
  }

  /** One operation and its outcome (which changes from {@code Pending} as results arrive). */
  public static final class Entry {
    private final Operation operation;
    private final boolean injected;
    /** Told the first outcome that is not {@code Pending} (for {@link Dirt}). */
    private final Consumer<Outcome> settled;
    private volatile Outcome outcome = new Outcome.Pending();

    Entry(Operation operation, boolean injected, Consumer<Outcome> settled) {
      this.operation = operation;
      this.injected = injected;
      this.settled = settled;
    }

    /** The operation as the engine sent it. */
    public Operation operation() {
      return operation;
    }

    /** What it resulted in. */
    public Outcome outcome() {
      return outcome;
    }

    /** Whether the failure was injected ({@link OperationLog#failNext}), not the backend's. */
    public boolean injected() {
      return injected;
    }

    void complete(Outcome o) {
      boolean first = outcome instanceof Outcome.Pending;
      this.outcome = o;
      if (first) {
        settled.accept(o);
      }
    }

    @Override
    public String toString() {
      return operation.getClass().getSimpleName() + " -> " + outcome
          + (injected ? " (injected)" : "");
    }
  }

  private record Fault(Predicate<Operation> when, RuntimeException error) {}

  /** The recorded entries, oldest first (a snapshot). */
  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** The recorded operations, oldest first (a snapshot). */
  public List<Operation> operations() {
    List<Operation> out = new ArrayList<>();
    for (Entry e : entries) {
      out.add(e.operation());
    }
    return out;
  }

  /** How many operations were recorded. */
  public int size() {
    return entries.size();
  }

  /** How many recorded operations are of {@code kind} ({@code Operation.Insert.class}, ...). */
  public long count(Class<? extends Operation> kind) {
    return entries.stream().filter(e -> kind.isInstance(e.operation())).count();
  }

  /** The operations of {@code kind}, oldest first. */
  public <T extends Operation> List<T> operations(Class<T> kind) {
    List<T> out = new ArrayList<>();
    for (Entry e : entries) {
      if (kind.isInstance(e.operation())) {
        out.add(kind.cast(e.operation()));
      }
    }
    return out;
  }

  /** The most recent entry; fails when the log is empty. */
  public Entry last() {
    if (entries.isEmpty()) {
      throw new AssertionError("no operation was recorded");
    }
    return entries.get(entries.size() - 1);
  }

  /** Forgets the recorded operations and connection counts (pending faults are kept). */
  public void clear() {
    entries.clear();
    acquired.set(0);
    released.set(0);
  }

  /** Connections handed out by the driver since the last {@link #clear}. */
  public int connectionsAcquired() {
    return acquired.get();
  }

  /** Connections given back (closed) since the last {@link #clear}. */
  public int connectionsReleased() {
    return released.get();
  }

  /** Connections acquired and not yet released. */
  public int connectionsInUse() {
    return acquired.get() - released.get();
  }

  /**
   * Makes the next operation matching {@code when} fail with {@code error} instead of reaching
   * the backend. Faults queue up: each one fails one operation.
   */
  public void failNext(Predicate<Operation> when, RuntimeException error) {
    faults.add(new Fault(Objects.requireNonNull(when, "when"),
        Objects.requireNonNull(error, "error")));
  }

  /** Makes the next operation, whatever it is, fail with {@code error}. */
  public void failNext(RuntimeException error) {
    failNext(op -> true, error);
  }

  /** Makes the next connection acquisition fail with {@code error} (a dropped connection). */
  public void failNextConnect(RuntimeException error) {
    connectFault = Objects.requireNonNull(error, "error");
    connectFaults.incrementAndGet();
  }

  /** Whether injected faults are still waiting for an operation to match. */
  public boolean hasPendingFaults() {
    return !faults.isEmpty() || connectFaults.get() > 0;
  }

  RuntimeException takeFault(Operation op) {
    for (Fault f : faults) {
      if (f.when().test(op) && faults.remove(f)) {
        return f.error();
      }
    }
    return null;
  }

  RuntimeException takeConnectFault() {
    while (true) {
      int n = connectFaults.get();
      if (n == 0) {
        return null;
      }
      if (connectFaults.compareAndSet(n, n - 1)) {
        return connectFault;
      }
    }
  }

  Entry record(Operation op, boolean injected) {
    return record(op, injected, o -> { });
  }

  /** Records {@code op}, sent to the driver, telling {@code settled} what became of it. */
  Entry record(Operation op, Consumer<Outcome> settled) {
    return record(op, false, settled);
  }

  private Entry record(Operation op, boolean injected,
      Consumer<Outcome> settled) {
    Entry e = new Entry(op, injected, settled);
    entries.add(e);
    return e;
  }

  void connectionAcquired() {
    acquired.incrementAndGet();
  }

  void connectionReleased() {
    released.incrementAndGet();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("OperationLog[");
    for (Entry e : entries) {
      sb.append("\n  ").append(e);
    }
    return sb.append(entries.isEmpty() ? "]" : "\n]").toString();
  }
}
