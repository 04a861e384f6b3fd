package io.toasty.tck;

import java.util.List;
import java.util.ServiceLoader;

/**
 * The backends a build runs the TCK against, found with {@link ServiceLoader}: list an
 * implementation in {@code META-INF/services/io.toasty.tck.BackendSource} on the test class path.
 * Every backend of every source runs every scenario.
 */
public interface BackendSource {

  /** The backends, in the order their runs should appear. */
  List<Backend> backends();
}
