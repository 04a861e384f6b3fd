package io.toasty.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a {@link io.toasty.reactive.Db} of its own: opened with the
 * {@link #models} pushed before the class's first {@code @BeforeAll}, closed and its database
 * dropped after its last {@code @AfterAll}. Test, lifecycle and constructor parameters of type
 * {@code Db} (or {@link TestDatabase}) receive it; {@code @Nested} classes share it unless they
 * carry an annotation of their own.
 *
 * <pre>{@code
 * @ToastyTest(backend = TestBackend.H2, models = Users.class)
 * class UserRepositoryTest {
 *   @Test
 *   void findsByName(Db db) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ToastyExtension.class)
public @interface ToastyTest {
  /**
   * The database to run on.
   *
   * @return the backend; H2 in memory unless given
   */
  TestBackend backend() default TestBackend.H2;

  /**
   * The models, named by the classes the annotation processor generates for the
   * {@code @Model} records ({@code Users.class} for {@code record User}): each has the
   * static {@code MODEL} field.
   *
   * @return the generated classes of the models whose schema is pushed
   */
  Class<?>[] models();
}
