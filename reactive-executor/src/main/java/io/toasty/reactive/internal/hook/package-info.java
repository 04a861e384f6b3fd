/**
 * How a statement runs the lifecycle hooks of the models it writes: in its transaction, with the
 * records it writes (docs/design/hooks.md).
 *
 * <p>Internal: public only so that the engine's other packages can use it; not an API.
 */
@NullMarked
package io.toasty.reactive.internal.hook;

import org.jspecify.annotations.NullMarked;
