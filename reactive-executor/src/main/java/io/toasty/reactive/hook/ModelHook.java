package io.toasty.reactive.hook;

import io.toasty.ModelDef;
import java.util.Objects;

/**
 * A {@link Hook} with the model it belongs to: what {@code DbBuilder.hook(ModelHook)} takes, and
 * what the Spring Boot starters register when the application declares a bean of this type.
 *
 * @param model the model whose writes run the hook
 * @param hook the hook
 * @param <M> the model's record type
 */
public record ModelHook<M>(ModelDef<M> model, Hook<M> hook) {
  public ModelHook {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(hook, "hook");
  }

  /** {@code hook} of {@code model}. */
  public static <M> ModelHook<M> of(ModelDef<M> model, Hook<M> hook) {
    return new ModelHook<>(model, hook);
  }
}
