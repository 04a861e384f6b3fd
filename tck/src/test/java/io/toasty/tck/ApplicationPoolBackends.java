package io.toasty.tck;

import java.util.List;

/**
 * This build's backends, the database servers' each {@code Db} on an r2dbc-pool of the
 * application's own ({@link ServerBackend#onApplicationPools()}) instead of the driver's; the
 * others as they are. For scenarios whose promises must hold on a Spring Boot application's
 * pool as on Toasty's ({@code FaultOnApplicationPoolTest}).
 */
public final class ApplicationPoolBackends implements BackendSource {

  @Override
  public List<Backend> backends() {
    return Backends.all().stream()
        .map(b -> b instanceof ServerBackend server ? server.onApplicationPools() : b)
        .toList();
  }
}
