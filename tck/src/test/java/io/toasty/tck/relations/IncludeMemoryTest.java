package io.toasty.tck.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Streams includes over 200,000 parents (and 400,000 children) in a heap of 256 MiB: runs
 * {@link IncludeMemoryMain} in a JVM of its own with {@code -Xmx256m} and reports its figures.
 * The H2 database lives in the same heap, so the figures include it.
 */
class IncludeMemoryTest {

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES) // loads 600,000 rows first; slow on a busy machine
  void includesOver200kParentsStreamIn256MiB() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java";
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), IncludeMemoryMain.class.getName(),
        "200000"));
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
    assertTrue(result != null && result.contains("authors=200000 articles=400000"), result);
  }
}
