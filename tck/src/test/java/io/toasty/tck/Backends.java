package io.toasty.tck;

import io.toasty.driver.Capability;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The backends this build runs the TCK on. Adding one is one line here (and its driver as a
 * test dependency of this module).
 */
public final class Backends implements BackendSource {

  /**
   * H2 in memory: a database per scenario run, named after the run. The driver declares times
   * as {@code TIMESTAMP(9)} and {@code TIME(9)}: nanoseconds are kept.
   */
  static final Backend H2 = Backend.ofUrl("h2", Capability.H2, ChronoUnit.NANOS,
      database -> "r2dbc:h2:mem:///" + database);

  /** Every backend of this build. */
  public static List<Backend> all() {
    return List.of(H2);
  }

  @Override
  public List<Backend> backends() {
    return all();
  }
}
