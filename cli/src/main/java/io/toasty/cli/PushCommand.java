package io.toasty.cli;

import io.toasty.driver.SchemaUpgrade;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code toasty schema push}: creates the models' missing tables, and adds to the existing ones
 * the constraints and indexes they lack; prints what it cannot add in place (no history; for
 * development databases; production databases take migrations).
 */
@Command(name = "push", mixinStandardHelpOptions = true,
    description = "Create the models' missing tables, and add the constraints and indexes "
        + "existing tables lack (no column is altered, nothing dropped).")
final class PushCommand implements Callable<Integer> {
  @Mixin ModelOptions models;
  @Mixin DatabaseOptions database;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    var modelList = models.models();
    return Session.with(database.url(), modelList, models.naming(), models.loader(), db -> {
      console.step("pushing " + modelList.size() + " model" + (modelList.size() == 1 ? "" : "s")
          + " to " + Urls.redact(database.url()),
          () -> db.schema().push().thenReturn(true).block(Session.HANG_GUARD));
      console.result("pushed: " + modelList.stream().map(db::tableOf).toList());
      List<SchemaUpgrade> left =
          Objects.requireNonNull(db.schema().upgrades().block(Session.HANG_GUARD));
      if (!left.isEmpty()) {
        console.result("push cannot add these in place; run the statements:");
        PushDiff.list(left, console);
      }
      return ExitCodes.OK;
    });
  }
}
