package io.toasty.tck.relations;

import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.tck.models.ArticleCreate;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Author;
import io.toasty.tck.models.AuthorCreate;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Bios;
import io.toasty.tck.models.Comments;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;

/**
 * Run in a JVM of its own with a small heap by {@link IncludeMemoryTest}: stores {@code N}
 * authors with two articles each, then streams {@code Authors.all().include(Authors.ARTICLES)}
 * over all of them, sampling the heap after a full GC every 20,000 authors. Prints one line of
 * figures; exits non-zero on any failure.
 *
 * <p>Arguments: {@code N}, then optionally the database URL (default H2 in memory, in the same
 * heap) and {@code tx} to stream inside a transaction ({@code db.transaction(tx -> ...)}, one
 * connection for the parents and their children).
 */
public final class IncludeMemoryMain {
  private IncludeMemoryMain() {}

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    String url = args.length > 1 ? args[1] : "r2dbc:h2:mem:///memory_test;DB_CLOSE_DELAY=-1";
    boolean inTransaction = args.length > 2 && args[2].equals("tx");
    Db db = Toasty.builder()
        .models(Authors.MODEL, Articles.MODEL, Comments.MODEL, Bios.MODEL)
        .url(url)
        .poolMaxSize(4)
        .build();
    Duration wait = Duration.ofMinutes(5);
    db.schema().reset().block(wait);
    long start = System.nanoTime();
    if (url.startsWith("r2dbc:postgresql:")) {
      loadWithSql(db, n, wait);
    } else {
      load(db, n, wait);
    }
    long loaded = System.nanoTime();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    AtomicLong maxAfterGc = new AtomicLong(baseline);
    AtomicLong authorsSeen = new AtomicLong();
    AtomicLong articlesSeen = new AtomicLong();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    Flux<Author> authors = inTransaction
        ? db.transaction(tx -> Authors.all().include(Authors.ARTICLES).stream(tx))
        : Authors.all().include(Authors.ARTICLES).stream(db);
    authors
        .doOnNext(a -> {
          articlesSeen.addAndGet(a.articles().get().size());
          if (authorsSeen.incrementAndGet() % 20_000 == 0) {
            System.gc();
            maxAfterGc.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          }
        })
        .then().block(wait);
    long streamed = System.nanoTime();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long max = memory.getHeapMemoryUsage().getMax();
    db.close().block(wait);
    if (authorsSeen.get() != n || articlesSeen.get() != 2L * n) {
      System.out.println("MISMATCH authors=" + authorsSeen + " articles=" + articlesSeen);
      System.exit(2);
    }
    System.out.printf("RESULT transaction=%b authors=%d articles=%d maxHeap=%dMiB baselineAfterGc=%dMiB "
            + "maxUsedAfterGcWhileStreaming=%dMiB peakUsedWhileStreaming=%dMiB loadSeconds=%.1f "
            + "streamSeconds=%.1f%n", inTransaction, n, articlesSeen.get(), mib(max), mib(baseline),
        mib(maxAfterGc.get()), mib(peak), (loaded - start) / 1e9, (streamed - loaded) / 1e9);
    System.exit(0);
  }

  /** Stores {@code n} authors with two articles each, 1,000 authors a batch. */
  private static void load(Db db, int n, Duration wait) {
    int batch = 1000;
    Flux.range(0, n / batch).concatMap(b -> {
      List<AuthorCreate> authors = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        authors.add(Authors.create().name("author-" + (b * batch + i)));
      }
      return Authors.createMany(authors).exec(db).flatMap(created -> {
        List<ArticleCreate> articles = new ArrayList<>(batch * 2);
        for (Author a : created) {
          articles.add(Articles.create().author(a).title("first").votes(1));
          articles.add(Articles.create().author(a).title("second").votes(2));
        }
        return Articles.createMany(articles).exec(db);
      });
    }, 1).then().block(wait);
  }

  /**
   * As {@link #load}, on PostgreSQL with set-based statements of 20,000 authors each: the
   * figures are of the streaming, and storing 600,000 rows a batch of records at a time took
   * longer than streaming them (18 s against 4 s). Keys are made from the author's number. H2
   * keeps {@link #load}: its tables share the test's 320 MiB heap, and set-based statements
   * there left the collector too little room (86 s instead of 31 s).
   */
  private static void loadWithSql(Db db, int n, Duration wait) {
    String authors = '"' + db.tableOf(Authors.MODEL) + '"';
    String articles = '"' + db.tableOf(Articles.MODEL) + '"';
    int chunk = 20_000;
    Flux.range(0, (n + chunk - 1) / chunk).concatMap(c -> {
      String range = "generate_series(" + (c * chunk + 1) + ", "
          + Math.min(n, (c + 1) * chunk) + ") AS r(x)";
      return Flux.concat(
          db.sql("INSERT INTO " + authors + " (\"id\", \"name\") SELECT " + uuid("0000", "x")
              + ", 'author-' || CAST(x AS VARCHAR) FROM " + range).execute(),
          db.sql("INSERT INTO " + articles + " (\"id\", \"author_id\", \"title\", \"votes\")"
              + " SELECT " + uuid("0001", "x") + ", " + uuid("0000", "x") + ", 'first', 1 FROM "
              + range + " UNION ALL SELECT " + uuid("0002", "x") + ", " + uuid("0000", "x")
              + ", 'second', 2 FROM " + range).execute());
    }).then().block(wait);
  }

  /** SQL for a UUID made of {@code kind} (4 hex digits) and the number {@code x}. */
  private static String uuid(String kind, String x) {
    return "CAST('00000000-0000-4000-" + kind + "-' || LPAD(CAST(" + x
        + " AS VARCHAR), 12, '0') AS UUID)";
  }

  private static long mib(long bytes) {
    return bytes / (1024 * 1024);
  }
}
