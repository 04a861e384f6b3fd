/**
 * The base classes and strategies that the annotation processor's generated code builds on: a
 * model's generated query, create, update and upsert classes extend {@link
 * io.toasty.generated.AbstractSelect}, {@link io.toasty.generated.AbstractCreate}, {@link
 * io.toasty.generated.AbstractUpdate} and {@link io.toasty.generated.AbstractUpsert}, and its
 * update methods pick an {@link io.toasty.generated.UpdateResult}.
 *
 * <p>An application does not name these types: it writes the generated classes and the types of
 * {@code io.toasty} ({@code Select}, {@code Create}, {@code Update}, paths, {@code Page}), which
 * is what these classes implement. The generated code is written again on every compile, so a
 * change here reaches it by recompiling.
 */
@NullMarked
package io.toasty.generated;

import org.jspecify.annotations.NullMarked;
