package io.toasty.reactive;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * A request whose reads see its own writes on a {@code Db} with read replicas: put it in the
 * Reactor Context of the request ({@code .contextWrite(ReadYourWrites::start)}, or a WebFlux
 * filter per request), and for the {@link ReplicaPolicy#readYourWrites window} after each write
 * made under it, its reads go to the primary instead of a replica that may not have the write
 * yet. Reads outside such a session go to a replica whatever was written before.
 *
 * <pre>{@code
 * Mono<User> renamed = Users.update(id).name("Ann").exec(db)
 *     .then(Users.getById(db, id))           // the primary: this request wrote
 *     .contextWrite(ReadYourWrites::start);
 * }</pre>
 */
public final class ReadYourWrites {
  /** The Context key a session is bound under. */
  public static final String CONTEXT_KEY = "io.toasty.reactive.ReadYourWrites";
  private static final long NEVER = Long.MIN_VALUE;

  /** When the session last wrote ({@link System#nanoTime()}), or {@link #NEVER}. */
  private final AtomicLong lastWrite = new AtomicLong(NEVER);
  /**
   * The primary's write position after the last write, where the policy reads positions
   * ({@link ReplicaPolicy#readYourWritesByPosition}); null before one is known.
   */
  private final AtomicReference<@Nullable String> position = new AtomicReference<>();

  private ReadYourWrites() {}

  /** {@code context} with a new session, unless it holds one already (then as it is). */
  public static Context start(Context context) {
    return context.hasKey(CONTEXT_KEY) ? context : context.put(CONTEXT_KEY, new ReadYourWrites());
  }

  /** The session bound in {@code context}, if any. */
  public static Optional<ReadYourWrites> in(ContextView context) {
    return context.getOrEmpty(CONTEXT_KEY).filter(ReadYourWrites.class::isInstance)
        .map(ReadYourWrites.class::cast);
  }

  /** Whether a write was made under this session. */
  public boolean hasWritten() {
    return lastWrite.get() != NEVER;
  }

  /** Notes a write now; its position is not known yet. */
  void wrote() {
    position.set(null);
    lastWrite.set(System.nanoTime());
  }

  /** Notes the primary's write position after the last write. */
  void wroteAt(@Nullable String at) {
    position.set(at);
  }

  /** The primary's write position after the last write, or null when not known. */
  @Nullable String position() {
    return position.get();
  }

  /** Whether the last write was less than {@code window} ago. */
  boolean wroteWithin(Duration window) {
    long last = lastWrite.get();
    return last != NEVER && System.nanoTime() - last < window.toNanos();
  }
}
