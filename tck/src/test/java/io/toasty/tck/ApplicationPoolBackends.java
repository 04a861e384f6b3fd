package io.toasty.tck;

import java.util.List;

/**
 * This build's database servers with each {@code Db} on an r2dbc-pool of the application's own
 * ({@link ServerBackend#onApplicationPools()}) instead of the driver's, for scenarios whose
 * promises must hold on a Spring Boot application's pool as on Toasty's
 * ({@code FaultOnApplicationPoolTest}).
 *
 * <p>Only the backends that have such a pool: PostgreSQL and MariaDB over R2DBC. The Vert.x
 * transport has no r2dbc-pool to swap, and the in-JVM backends have no pool at all; their
 * variant would be the backend itself, and their runs the very runs the scenarios' own class
 * (such as {@code FaultTest}) makes already, at twice the cost (docs/design/test-time.md).
 */
public final class ApplicationPoolBackends implements BackendSource {

  @Override
  public List<Backend> backends() {
    return Backends.all().stream().<Backend>mapMulti((b, out) -> {
      if (b instanceof ServerBackend server) {
        ServerBackend pooled = server.onApplicationPools();
        if (pooled != server) {
          out.accept(pooled);
        }
      }
    }).toList();
  }
}
