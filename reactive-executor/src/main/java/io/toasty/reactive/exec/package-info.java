/**
 * Runs an action plan on a connection as Reactor stages ({@link
 * io.toasty.reactive.exec.Interpreter}), one executor per plan node: reads, writes, in-memory
 * steps and nested merges.
 */
@NullMarked
package io.toasty.reactive.exec;

import org.jspecify.annotations.NullMarked;
