package io.toasty.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.error.ErrorCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every migration exception is an {@link ErrorCategory#INTERNAL} fault of the deployment, each
 * class deciding so itself (as {@code ErrorCategoryTest} requires of the library's others).
 */
class MigrationErrorCategoryTest {
  @Test
  void everyMigrationExceptionDecidesItIsInternal() throws Exception {
    for (Class<?> c : List.of(MigrationException.class, DestructiveChangeException.class,
        MigrationFailedException.class, ChecksumMismatchException.class)) {
      assertEquals(c, c.getDeclaredMethod("category").getDeclaringClass(), c.getName());
    }
    assertEquals(ErrorCategory.INTERNAL, new MigrationException("x", null).category());
  }
}
