package io.toasty.tck.scenarios;

import io.toasty.tck.ApplicationPoolBackends;
import io.toasty.tck.UseBackends;

/**
 * {@link ChangeStreamScenarios} with each {@code Db} on an application's r2dbc-pool, as a Spring
 * Boot application's: the listener's connection is opened from the factory the pool wraps, never
 * taken from the pool.
 */
@UseBackends(ApplicationPoolBackends.class)
class ChangeStreamOnApplicationPoolTest extends ChangeStreamScenarios {}
