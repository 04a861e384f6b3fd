/**
 * What every SQL transport tells BlockHound: the calls inside the JDK, Netty and Caffeine that
 * look blocking but are not (a file read once per JVM, a lock held for nanoseconds, a cache's
 * bounded wait), registered through
 * {@code META-INF/services/reactor.blockhound.integration.BlockHoundIntegration} so that a test
 * run with BlockHound fails only on real blocking.
 */
@NullMarked
package io.toasty.sql.blockhound;

import org.jspecify.annotations.NullMarked;
