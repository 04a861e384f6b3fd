/**
 * The driver SPI: a {@link io.toasty.driver.Driver} opens {@link io.toasty.driver.Connection}s
 * that execute one closed set of {@link io.toasty.driver.Operation}s, and declares what its
 * database can do as a {@link io.toasty.driver.Capability}.
 */
@NullMarked
package io.toasty.driver;

import org.jspecify.annotations.NullMarked;
