package io.toasty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The models listed in every {@code META-INF/toasty/models} resource of a class loader: the
 * annotation processor writes one per compiled module, naming its entry classes ({@code
 * com.example.Users}), and this reads each entry class's {@code MODEL} constant. No class-path
 * scanning: only the listed classes are loaded. The Spring starter and the command-line tool
 * find an application's models this way.
 */
public final class ModelIndex {
  /** The resource the annotation processor writes. */
  public static final String RESOURCE = "META-INF/toasty/models";

  private ModelIndex() {}

  /**
   * The listed models, in resource order then line order, each once.
   *
   * @throws IllegalStateException naming the entry class that cannot be loaded or has no
   *     {@code MODEL}
   */
  public static List<ModelDef<?>> load(ClassLoader loader) {
    Set<String> entries = names(loader, RESOURCE);
    List<ModelDef<?>> models = new ArrayList<>(entries.size());
    entries.forEach(entry -> models.add(model(loader, entry)));
    return models;
  }

  /** The class names listed in every {@code resource} of {@code loader}, each once. */
  public static Set<String> names(ClassLoader loader, String resource) {
    Set<String> names = new LinkedHashSet<>();
    try {
      for (URL url : Collections.list(loader.getResources(resource))) {
        names.addAll(read(url));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return names;
  }

  private static List<String> read(URL url) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          lines.add(name);
        }
      }
    }
    return lines;
  }

  /** The {@code MODEL} of the generated entry class: a public static final field it always has. */
  private static ModelDef<?> model(ClassLoader loader, String entry) {
    try {
      Object model = Class.forName(entry, true, loader).getField("MODEL").get(null);
      if (model instanceof ModelDef<?> def) {
        return def;
      }
      throw new IllegalStateException(entry + ".MODEL is not a ModelDef");
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("the model index " + RESOURCE + " lists " + entry
          + ", which cannot be loaded: recompile the module with the Toasty annotation processor",
          e);
    }
  }
}
