package io.toasty.spring;

import io.toasty.ModelDef;
import java.util.List;

/**
 * The models the {@code Db} bean serves. By default those of every
 * {@code META-INF/toasty/models} index on the class path ({@link io.toasty.ModelIndex}); declare
 * a bean of this type to choose them yourself: {@code new ToastyModels(List.of(Users.MODEL))}.
 *
 * @param all the models
 */
public record ToastyModels(List<ModelDef<?>> all) {
  /** Copies the list. */
  public ToastyModels {
    all = List.copyOf(all);
  }
}
