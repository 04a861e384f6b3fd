package io.toasty.tck.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.tck.RawSql;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Streams includes over 200,000 parents (and 400,000 children) in a small heap: runs
 * {@link IncludeMemoryMain} in a JVM of its own and reports its figures. Outside a transaction on
 * H2 in memory (the database lives in the same heap of 320 MiB, so the figures include it);
 * inside a transaction on PostgreSQL in a heap of 64 MiB, where the transaction's one connection
 * reads the parents in keyset windows instead of reading them all before the first child query.
 */
class IncludeMemoryTest {
  private static final String POSTGRESQL = System.getProperty("toasty.tck.postgresql",
      "r2dbc:postgresql://postgres@127.0.0.1:5432/test");
  private static final Duration ADMIN = Duration.ofSeconds(30);

  // The heap has room above the database's 215 MiB so that the collector does not thrash
  // (in 256 MiB the run took 110 s on a busy machine, mostly collecting); what the streaming
  // holds is measured instead, as in the transaction's run below.
  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES) // loads 600,000 rows first; slow on a busy machine
  void includesOver200kParentsStreamIn320MiBWithTheDatabaseInTheHeap() throws Exception {
    String result = fork("-Xmx320m", "200000");
    assertTrue(result.contains("authors=200000 articles=400000"), result);
    assertHeldLittle(result);
  }

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void includesOver200kParentsStreamInsideATransactionIn64MiB() throws Exception {
    String schema = "include_memory_" + ProcessHandle.current().pid();
    RawSql.execute(POSTGRESQL, "CREATE SCHEMA " + schema).block(ADMIN);
    try {
      String result = fork("-Xmx64m", "200000", POSTGRESQL + (POSTGRESQL.contains("?") ? "&" : "?")
          + "schema=" + schema, "tx");
      assertTrue(result.contains("transaction=true authors=200000 articles=400000"), result);
      // the database is out of the heap: what streaming holds is a window or two of records
      assertHeldLittle(result);
    } finally {
      RawSql.execute(POSTGRESQL, "DROP SCHEMA IF EXISTS " + schema + " CASCADE").block(ADMIN);
    }
  }

  /**
   * Asserts that streaming held less than 16 MiB above the heap's use before it (both after a
   * full collection): a window or two of records, where 200,000 authors and 400,000 articles
   * held whole would take well over 60 MiB.
   */
  private static void assertHeldLittle(String result) {
    Matcher m = Pattern.compile("baselineAfterGc=(\\d+)MiB maxUsedAfterGcWhileStreaming=(\\d+)")
        .matcher(result);
    assertTrue(m.find(), result);
    long held = Long.parseLong(m.group(2)) - Long.parseLong(m.group(1));
    assertTrue(held < 16, "held " + held + " MiB while streaming: " + result);
  }

  /** Runs {@link IncludeMemoryMain} with {@code heap} and {@code args}; its RESULT line. */
  private static String fork(String heap, String... args) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java";
    List<String> command = new ArrayList<>(List.of(java, heap, "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), IncludeMemoryMain.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
      }
    }
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the forked JVM did not finish");
    String result = lines.stream().filter(l -> l.startsWith("RESULT")).findFirst().orElse(null);
    System.out.println("[memory] " + (result != null ? result : String.join("\n", lines)));
    assertEquals(0, p.exitValue(), String.join("\n", lines));
    assertTrue(result != null, String.join("\n", lines));
    return result;
  }
}
