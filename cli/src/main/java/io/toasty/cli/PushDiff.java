package io.toasty.cli;

import io.toasty.driver.SchemaUpgrade;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code toasty schema diff --push}: what schema push would add to the existing tables, per table,
 * each with the statements that add it; those push cannot add in place (SQLite's CHECKs and
 * foreign keys, a Neo4j constraint of another shape) are marked, their statements to be run by
 * hand.
 */
final class PushDiff {
  private PushDiff() {}

  /** Prints the upgrades the database at {@code url} needs; exit 4 with {@code check} if any. */
  static Integer print(ModelOptions models, String url, boolean check, Console console) {
    return Session.with(url, models.models(), models.naming(), models.loader(), db -> {
      List<SchemaUpgrade> upgrades =
          Objects.requireNonNull(db.schema().upgrades().block(Session.HANG_GUARD));
      if (upgrades.isEmpty()) {
        console.result("push would add nothing: the existing tables have all the models "
            + "declare");
        return ExitCodes.OK;
      }
      console.result(upgrades.size() + " thing" + (upgrades.size() == 1 ? "" : "s")
          + " the existing tables lack:");
      list(upgrades, console);
      if (check) {
        throw new ExitCodes.CheckFailed(ExitCodes.DRIFT, upgrades.size()
            + " thing(s) push would add or cannot add in place");
      }
      return ExitCodes.OK;
    });
  }

  /** Each upgrade under its table, with its statements. */
  static void list(List<SchemaUpgrade> upgrades, Console console) {
    Map<String, List<SchemaUpgrade>> byTable = new LinkedHashMap<>();
    upgrades.forEach(u -> byTable.computeIfAbsent(u.table(), t -> new ArrayList<>())
        .add(u));
    byTable.forEach((table, list) -> {
      console.result(table + ":");
      for (SchemaUpgrade u : list) {
        console.result("  " + u.describe());
        u.statements().forEach(sql -> console.result("    " + sql + ";"));
      }
    });
  }
}
