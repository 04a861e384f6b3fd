/**
 * How the SQL drivers take and give back pooled connections: the r2dbc-pool configuration's
 * parts ({@link io.toasty.r2dbc.pool.PoolPermits}, sessions that can be given up for good,
 * {@link io.toasty.r2dbc.pool.Abandonable}, and how deeply each is checked when lent), the
 * acquire with its deadline and its one-owner hand-over
 * ({@link io.toasty.r2dbc.pool.PoolAcquire}), and what becomes of a connection that comes after
 * its borrower left ({@link io.toasty.r2dbc.pool.LateRelease}). See docs/design/connections.md
 * and docs/operations.md.
 *
 * <p>Internal: public only so that the driver's other packages can use it; not an API.
 */
@NullMarked
package io.toasty.r2dbc.pool;

import org.jspecify.annotations.NullMarked;
