package io.toasty.test;

import io.toasty.ModelDef;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * The models {@link ToastyTest#models} names: an annotation cannot hold the {@link ModelDef}
 * instances, so it names the generated classes that hold them, in their {@code MODEL} field.
 */
final class ModelClasses {
  private ModelClasses() {}

  static ModelDef<?>[] definitions(Class<?>[] classes) {
    ModelDef<?>[] out = new ModelDef<?>[classes.length];
    for (int i = 0; i < classes.length; i++) {
      out[i] = definition(classes[i]);
    }
    return out;
  }

  private static ModelDef<?> definition(Class<?> type) {
    try {
      Field field = type.getDeclaredField("MODEL");
      if (Modifier.isStatic(field.getModifiers())
          && ModelDef.class.isAssignableFrom(field.getType())) {
        // a package-private model's generated class is package-private too
        field.setAccessible(true);
        return (ModelDef<?>) field.get(null);
      }
    } catch (NoSuchFieldException | IllegalAccessException e) {
      throw notAModel(type, e);
    }
    throw notAModel(type, null);
  }

  private static IllegalArgumentException notAModel(Class<?> type, @Nullable Exception cause) {
    return new IllegalArgumentException("@ToastyTest(models = " + type.getSimpleName()
        + ".class): name the class the annotation processor generates for a @Model record "
        + "(Users for record User), which holds the model in its static MODEL field", cause);
  }
}
