/**
 * Lifecycle hooks: reactive functions a model's creates, updates and deletes run before and after
 * their statement, inside its transaction ({@link io.toasty.reactive.hook.Hook}).
 */
@NullMarked
package io.toasty.reactive.hook;

import org.jspecify.annotations.NullMarked;
