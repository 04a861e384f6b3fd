/**
 * What the R2DBC transport tells BlockHound beyond what every SQL transport does
 * ({@code io.toasty.sql.blockhound}): the calls inside R2DBC drivers that look blocking but are
 * not (a lock held for nanoseconds), registered through
 * {@code META-INF/services/reactor.blockhound.integration.BlockHoundIntegration} so that a test
 * run with BlockHound fails only on real blocking (the driver tests' {@code NonBlockingTest}).
 */
@NullMarked
package io.toasty.r2dbc.blockhound;

import org.jspecify.annotations.NullMarked;
