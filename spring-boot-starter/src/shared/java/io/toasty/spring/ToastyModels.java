package io.toasty.spring;

import io.toasty.ModelDef;
import io.toasty.ModelIndex;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ResourceLoader;

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

  /** The application's {@code ToastyModels} bean, or the models indexed on the class path. */
  static List<ModelDef<?>> of(ObjectProvider<ToastyModels> bean, ResourceLoader resources) {
    ClassLoader loader = resources.getClassLoader() != null ? resources.getClassLoader()
        : ToastyModels.class.getClassLoader();
    return bean.getIfAvailable(() -> new ToastyModels(ModelIndex.load(loader))).all();
  }
}
