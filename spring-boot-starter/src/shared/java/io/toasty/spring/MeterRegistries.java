package io.toasty.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.toasty.reactive.DbBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The application's {@code MeterRegistry} for a {@code Db} that has no
 * {@code ObservationRegistry} to time its statements with: the {@code Db} then times them in the
 * registry itself ({@link DbBuilder#meterRegistry}). Only this class names Micrometer's core
 * types, which are optional: it is used only where they are on the class path.
 */
final class MeterRegistries {
  private static final boolean PRESENT = ClassUtils.isPresent(
      "io.micrometer.core.instrument.MeterRegistry", MeterRegistries.class.getClassLoader());

  private MeterRegistries() {}

  /** Gives {@code builder} the single {@code MeterRegistry} bean of {@code beans}, if any. */
  static void apply(DbBuilder builder, @Nullable BeanFactory beans) {
    if (!PRESENT || beans == null) {
      return;
    }
    MeterRegistry registry = beans.getBeanProvider(MeterRegistry.class).getIfUnique();
    if (registry != null) {
      builder.meterRegistry(registry);
    }
  }
}
