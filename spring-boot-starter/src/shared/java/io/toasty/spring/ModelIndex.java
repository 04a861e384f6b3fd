package io.toasty.spring;

import io.toasty.ModelDef;
import java.util.List;
import java.util.Set;

/**
 * The models listed in every {@code META-INF/toasty/models} resource on the class path, read by
 * {@link io.toasty.ModelIndex} (shared with the command-line tool): no class-path scanning.
 */
public final class ModelIndex {
  /** The resource the annotation processor writes. */
  public static final String RESOURCE = io.toasty.ModelIndex.RESOURCE;

  private ModelIndex() {}

  /**
   * The listed models, in resource order then line order, each once.
   *
   * @throws IllegalStateException naming the entry class that cannot be loaded or has no
   *     {@code MODEL}
   */
  public static List<ModelDef<?>> load(ClassLoader loader) {
    return io.toasty.ModelIndex.load(loader);
  }

  /** The class names listed in every {@code resource} on the class path, each once. */
  static Set<String> names(ClassLoader loader, String resource) {
    return io.toasty.ModelIndex.names(loader, resource);
  }
}
