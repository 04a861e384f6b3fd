package io.toasty.docs.operations;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.toasty.reactive.Db;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Keeps docs/operations.md's table of metrics ("Every metric") honest: after a workload that
 * moves every meter (statements that complete, fail and are cut short, transactions that commit
 * and roll back), each meter the engine published, in both of its set-ups (observations, and a
 * {@code MeterRegistry} alone), has its row (name, type, tag keys, and each tag value among the
 * listed ones where the row lists them all), and each row's meter was published.
 */
class MetricsTableTest {
  private static final Path PAGE = Path.of("").toAbsolutePath().resolve("operations.md");
  /** A row of the table: | `name` | type | tags | meaning |. */
  private static final Pattern ROW = Pattern.compile(
      "^\\| `(toasty\\.[a-z.]+)` \\| ([a-z ]+?) \\| (.*?) \\| .* \\|$", Pattern.MULTILINE);
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  /** A parenthesis of nothing but listed values: `a`, `b`, `c`. */
  private static final Pattern CLOSED = Pattern.compile("`[^`]+`(, `[^`]+`)*");

  /** A row: the meter's name and type, and its tags' keys with their values (null: any). */
  record Row(String name, String type, Map<String, Set<String>> tags) {}

  @Test
  void theTableListsEveryMeterPublishedAndNothingElse() throws IOException {
    List<Row> rows = rows(Files.readString(PAGE));
    assertFalse(rows.isEmpty(), "no table of metrics in " + PAGE);
    SimpleMeterRegistry observed = new SimpleMeterRegistry();
    SimpleMeterRegistry timed = new SimpleMeterRegistry();
    work(OperationsGuide.observed("r2dbc:h2:mem:///operations-table-observed", observed));
    work(OperationsGuide.timed("r2dbc:h2:mem:///operations-table-timed", timed));

    List<String> problems = new ArrayList<>();
    Set<Row> seen = new LinkedHashSet<>();
    for (MeterRegistry registry : List.of(observed, timed)) {
      for (Meter meter : registry.getMeters()) {
        if (!meter.getId().getName().startsWith("toasty.")) {
          continue;
        }
        Row row = rowOf(rows, meter.getId());
        if (row == null) {
          problems.add("not in the table: " + describe(meter.getId()));
          continue;
        }
        seen.add(row);
        for (Tag tag : meter.getId().getTags()) {
          Set<String> values = row.tags().get(tag.getKey());
          if (values != null && !values.contains(tag.getValue())) {
            problems.add(describe(meter.getId()) + ": value `" + tag.getValue() + "` of `"
                + tag.getKey() + "` not among the row's " + values);
          }
        }
      }
    }
    rows.stream().filter(r -> !seen.contains(r))
        .forEach(r -> problems.add("in the table, never published: " + r));
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
  }

  /** Statements that complete, fail and are cut short; a commit and a rollback. */
  private static void work(Db db) {
    try {
      db.schema().push().block();
      Metric m = Metrics.create().name("requests").value(1).exec(db).block();
      Metrics.create().name("requests").value(2).exec(db).block();
      Metrics.getById(db, m.id()).block();
      Metrics.filter(Metrics.NAME.eq("requests")).stream(db).take(1).blockLast();
      Metrics.create().id(m.id()).name("twice").value(3).exec(db)
          .onErrorResume(e -> Mono.empty()).block();
      db.transactionMono(tx -> Metrics.updateById(m.id()).value(4).exec(tx)).block();
      db.transactionMono(tx -> Metrics.create().name("undone").value(5).exec(tx)
              .then(Mono.error(new IllegalStateException("undo"))))
          .onErrorResume(IllegalStateException.class, e -> Mono.empty()).block();
      Metrics.deleteById(UUID.randomUUID()).exec(db).block();
    } finally {
      db.close().block();
    }
  }

  private static Row rowOf(List<Row> rows, Meter.Id id) {
    Set<String> keys = new LinkedHashSet<>();
    id.getTags().forEach(t -> keys.add(t.getKey()));
    String type = id.getType().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return rows.stream().filter(r -> r.name().equals(id.getName()) && r.type().equals(type)
        && r.tags().keySet().equals(keys)).findFirst().orElse(null);
  }

  private static String describe(Meter.Id id) {
    return id.getName() + " (" + id.getType().name().toLowerCase(Locale.ROOT) + ", tags "
        + id.getTags() + ")";
  }

  /** The table's rows; a tag cell is "`key` (values), `key`, ..." at the top level. */
  static List<Row> rows(String page) {
    List<Row> rows = new ArrayList<>();
    Matcher m = ROW.matcher(page);
    while (m.find()) {
      rows.add(new Row(m.group(1), m.group(2).trim(), tags(m.group(3))));
    }
    return rows;
  }

  private static Map<String, Set<String>> tags(String cell) {
    Map<String, Set<String>> tags = new LinkedHashMap<>();
    for (String item : topLevel(cell)) {
      int open = item.indexOf('(');
      Matcher key = CODE.matcher(open < 0 ? item : item.substring(0, open));
      if (!key.find()) {
        continue; // "none"
      }
      Set<String> values = null;
      if (open >= 0) {
        String listed = item.substring(open + 1, item.lastIndexOf(')')).trim();
        if (CLOSED.matcher(listed).matches()) {
          values = new LinkedHashSet<>();
          Matcher v = CODE.matcher(listed);
          while (v.find()) {
            values.add(v.group(1));
          }
        }
      }
      tags.put(key.group(1), values);
    }
    return tags;
  }

  /** {@code cell} split at the commas outside parentheses. */
  private static List<String> topLevel(String cell) {
    List<String> items = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == ',' && depth == 0) {
        items.add(cell.substring(start, i).trim());
        start = i + 1;
      }
    }
    items.add(cell.substring(start).trim());
    return items;
  }
}
