/**
 * What the SQL drivers tell BlockHound: the calls inside R2DBC drivers and their libraries that
 * look blocking but are not (a lock held for nanoseconds, a cache filled once), registered through
 * {@code META-INF/services/reactor.blockhound.integration.BlockHoundIntegration} so that a test
 * run with BlockHound fails only on real blocking (the driver tests' {@code NonBlockingTest}).
 */
@NullMarked
package io.toasty.r2dbc.blockhound;

import org.jspecify.annotations.NullMarked;
