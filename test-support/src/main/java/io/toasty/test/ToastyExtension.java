package io.toasty.test;

import io.toasty.reactive.Db;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link ToastyTest}: a {@link TestDatabase} per annotated test
 * class, kept in the class's extension store, where the parameters of its tests and of its
 * nested classes' tests find it.
 */
public final class ToastyExtension implements BeforeAllCallback, AfterAllCallback,
    ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ToastyExtension.class);
  private static final String DATABASE = "database";

  /**
   * Opens the class's database. A nested class without an annotation of its own opens none: the
   * store lookup in {@link #resolveParameter} finds its enclosing class's.
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    Optional<ToastyTest> settings = AnnotationSupport.findAnnotation(
        context.getRequiredTestClass(), ToastyTest.class);
    if (settings.isEmpty()) {
      return;
    }
    TestDatabase database = ToastyTestDatabases.open(settings.get().backend(),
        ModelClasses.definitions(settings.get().models()));
    context.getStore(NAMESPACE).put(DATABASE, database);
  }

  /** Closes and drops the database this class opened, if it opened one. */
  @Override
  public void afterAll(ExtensionContext context) {
    TestDatabase database = context.getStore(NAMESPACE).remove(DATABASE, TestDatabase.class);
    if (database != null) {
      database.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Db.class || type == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestDatabase database = context.getStore(NAMESPACE).get(DATABASE, TestDatabase.class);
    if (database == null) {
      throw new ParameterResolutionException("No Toasty database for "
          + parameter.getParameter() + ": annotate the test class with @ToastyTest");
    }
    return parameter.getParameter().getType() == Db.class ? database.db() : database;
  }
}
