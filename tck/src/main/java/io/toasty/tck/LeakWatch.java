package io.toasty.tck;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counts Netty's leak reports: a buffer (or an R2DBC driver's row message) garbage-collected
 * without being released. Netty only logs them; this listens to every leak detector made after
 * {@link #install()}, which the TCK's launcher listener calls before any test class loads (a
 * detector is made once per resource type, when the type's class initializes).
 *
 * <p>A leak is found when the garbage collector has cleared the leaked object and a later
 * allocation of the same type polls the detector: {@link #collect()} provokes both for buffers;
 * a driver's own row messages are polled by its next query.
 */
public final class LeakWatch {
  /**
   * The JUnit resource that a class whose scenarios run {@link #paranoid} locks
   * ({@code @ResourceLock(LeakWatch.LEVEL)}): Netty's leak detection level is one for the JVM,
   * and the TCK runs two classes side by side, so a class streaming beside a paranoid scenario
   * would have every buffer it reads tracked with a stack trace too (a 20,000-row stream's
   * scenario beside another fault class's paranoid one ran past its 5 minutes under load,
   * docs/design/performance.md). Such classes run one at a time.
   */
  public static final String LEVEL = "netty leak detection level";

  private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
  private static volatile boolean installed;
  /** Paranoid scenarios running now; the level to restore when the last one ends. */
  private static int paranoid;
  private static ResourceLeakDetector.Level restore;

  private LeakWatch() {}

  /** Listens to every leak detector made from now on. Idempotent. */
  public static synchronized void install() {
    if (!installed) {
      ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new Listening());
      installed = true;
    }
  }

  /** Whether {@link #install()} ran (before Netty's detectors were made, if it is to see them). */
  public static boolean installed() {
    return installed;
  }

  /** The leaks reported so far: the resource type and the access records Netty kept. */
  public static List<String> leaks() {
    return List.copyOf(LEAKS);
  }

  /**
   * The leaks reported so far that may be {@code backend}'s: those whose records name another
   * backend's R2DBC driver, and not this one's, are left out. A connection dropped by an earlier
   * scenario on another backend can be garbage-collected, and its buffers reported, while this
   * one runs: the garbage collector decides when, not the scenario.
   */
  public static List<String> leaksOf(String backend) {
    String own = DRIVER_PACKAGES.get(backend);
    return LEAKS.stream().filter(leak -> (own != null && leak.contains(own))
        || DRIVER_PACKAGES.values().stream().noneMatch(leak::contains)).toList();
  }

  /** The packages of each server backend's R2DBC driver, as they appear in leak records. */
  private static final Map<String, String> DRIVER_PACKAGES = Map.of(
      "postgresql", "io.r2dbc.postgresql.", "mariadb", "io.asyncer.r2dbc.mysql.");

  /** Forgets the leaks reported so far. */
  public static void clear() {
    LEAKS.clear();
  }

  /**
   * Runs {@code work} with Netty's paranoid leak detection (every buffer tracked, with the places
   * it was touched), then restores the level once no other paranoid work runs: two that overlap
   * and each restored the level it found would leave the JVM paranoid for good when the first
   * ended before the second (which then restored {@code PARANOID}).
   */
  public static void paranoid(Runnable work) {
    enterParanoid();
    try {
      work.run();
    } finally {
      leaveParanoid();
    }
  }

  private static synchronized void enterParanoid() {
    if (paranoid++ == 0) {
      restore = ResourceLeakDetector.getLevel();
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }
  }

  private static synchronized void leaveParanoid() {
    if (--paranoid == 0) {
      ResourceLeakDetector.setLevel(restore);
    }
  }

  /**
   * Lets the garbage collector clear unreachable buffers and has the buffer detector look at
   * them: what was dropped without a release is reported by then. The TCK's JVMs run it as a
   * concurrent cycle ({@code -XX:+ExplicitGCInvokesConcurrent}, which {@code System.gc()} waits
   * for), not a full collection: it runs after every load round.
   */
  public static void collect() {
    // the collector clears a leaked buffer's reference, but the JVM's reference handler thread
    // enqueues it later: a sentinel cleared by the same collection tells when it has got there
    ReferenceQueue<Object> queue = new ReferenceQueue<>();
    WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
    System.gc();
    try {
      queue.remove(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Reference.reachabilityFence(sentinel);
    ByteBufAllocator.DEFAULT.buffer(16).release();
    ByteBufAllocator.DEFAULT.directBuffer(16).release();
  }

  /** Netty's own detectors, each with a listener that records its reports. */
  private static final class Listening extends ResourceLeakDetectorFactory {
    @Override
    @SuppressWarnings("deprecation")
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource,
        int samplingInterval, long maxActive) {
      ResourceLeakDetector<T> detector = new ResourceLeakDetector<>(resource, samplingInterval,
          maxActive);
      detector.setLeakListener((type, records) -> LEAKS.add(type + ": " + records));
      return detector;
    }

    @Override
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource,
        int samplingInterval) {
      return newResourceLeakDetector(resource, samplingInterval, Long.MAX_VALUE);
    }
  }
}
