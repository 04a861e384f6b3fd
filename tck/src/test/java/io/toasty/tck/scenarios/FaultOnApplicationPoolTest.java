package io.toasty.tck.scenarios;

import io.toasty.tck.ApplicationPoolBackends;
import io.toasty.tck.UseBackends;

/**
 * {@link FaultScenarios} with each {@code Db} on an application's r2dbc-pool, as a Spring Boot
 * application's: killed sessions are never reused, no transaction is partly committed, and the
 * pool keeps its size (every connection acquired is released, the server holds exactly the
 * pool's connections).
 */
@UseBackends(ApplicationPoolBackends.class)
class FaultOnApplicationPoolTest extends FaultScenarios {}
