/**
 * The engine a program holds: {@link io.toasty.reactive.Toasty#builder()} builds a {@link
 * io.toasty.reactive.Db}, which plans and runs statements on its driver, and opens transactions
 * ({@link io.toasty.reactive.Tx}).
 */
@NullMarked
package io.toasty.reactive;

import org.jspecify.annotations.NullMarked;
