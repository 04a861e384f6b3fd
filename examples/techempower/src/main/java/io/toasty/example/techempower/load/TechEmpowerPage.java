package io.toasty.example.techempower.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Writes {@code docs/techempower.md} from a run's directory ({@code results.csv} of
 * {@link LoadGenerator}, {@code run.properties} of {@code examples/techempower/run.sh}): the
 * method (with the Toasty code measured, {@link PageSnippet}), the machine, a table per test,
 * Toasty's ratios against the targets, and how to reproduce.
 * {@code examples/techempower/page-notes.md}, when present, is copied in after the
 * ratios: the run cannot write what a profile found.
 *
 * <pre>TechEmpowerPage RUN_DIR REPOSITORY/docs/techempower.md [page-notes.md]</pre>
 */
public final class TechEmpowerPage {
  static final List<String> IMPLS =
      List.of("toasty-r2dbc", "toasty-vertx", "raw-r2dbc", "spring-data", "raw-vertx");
  static final List<String> TESTS = List.of("db", "queries", "fortunes", "updates");

  private TechEmpowerPage() {}

  /** Reads the run and writes the page. */
  public static void main(String[] args) throws IOException {
    Path run = Path.of(args[0]);
    Properties meta = new Properties();
    try (Reader r = Files.newBufferedReader(run.resolve("run.properties"))) {
      meta.load(r);
    }
    List<Row> rows = Row.read(run.resolve("results.csv"));
    String notes = args.length > 2 && Files.exists(Path.of(args[2]))
        ? Files.readString(Path.of(args[2])).strip() + "\n\n" : "";
    Path root = Path.of(args[1]).toAbsolutePath().getParent().getParent();
    String snippet = PageSnippet.block(Files.readString(root.resolve(PageSnippet.SOURCE)));
    String page = new PageText(meta, new RunSummary(rows)).render(snippet, notes);
    Files.writeString(Path.of(args[1]), page, StandardCharsets.UTF_8);
  }

  /** One line of {@code results.csv}. */
  record Row(String impl, String test, int connections, int round, String began,
      long requests, long errors, double rps, double p50, double p99) {

    static List<Row> read(Path csv) throws IOException {
      List<Row> rows = new ArrayList<>();
      for (String line : Files.readAllLines(csv)) {
        if (line.startsWith("impl,") || line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        rows.add(new Row(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4],
            Long.parseLong(f[6]), Long.parseLong(f[7]), Double.parseDouble(f[8]),
            Double.parseDouble(f[9]), Double.parseDouble(f[10])));
      }
      return rows;
    }
  }

  static String num(double v, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }
}
