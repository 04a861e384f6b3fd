/**
 * Parts that both the engine and the drivers use, kept here because the drivers depend on
 * {@code api} alone: the one-owner hand-over of a connection
 * ({@link io.toasty.driver.internal.HandOver}).
 *
 * <p>Internal: public only so that the engine and the drivers can share it; not an API.
 */
@NullMarked
package io.toasty.driver.internal;

import org.jspecify.annotations.NullMarked;
