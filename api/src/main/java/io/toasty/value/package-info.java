/**
 * Values as the engine and the drivers carry them: the closed {@link io.toasty.value.Value} type,
 * its {@link io.toasty.value.Type}s, and the codecs between Java objects, rows and JSON.
 */
@NullMarked
package io.toasty.value;

import org.jspecify.annotations.NullMarked;
