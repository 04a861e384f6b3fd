package io.toasty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.toasty.error.ConnectionLostException;
import io.toasty.error.DriverException;
import io.toasty.error.ErrorCategory;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.ToastyException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every concrete exception class of the library decides its own {@link ErrorCategory}, and the
 * table below (the one docs/spring.md shows) is what they decide. The classes are found by
 * reading this module's compiled package {@code io.toasty} and its subpackages, so an exception
 * added without a category, or without a row here, fails this test.
 */
class ErrorCategoryTest {
  /** The documented table: class simple name to category. */
  static final Map<String, ErrorCategory> TABLE = Map.ofEntries(
      Map.entry("InvalidStatementException", ErrorCategory.INVALID_INPUT),
      Map.entry("ValueOutOfRangeException", ErrorCategory.INVALID_INPUT),
      Map.entry("NotNullViolationException", ErrorCategory.INVALID_INPUT),
      Map.entry("NumericOverflowException", ErrorCategory.INVALID_INPUT),
      Map.entry("DivisionByZeroException", ErrorCategory.INVALID_INPUT),
      Map.entry("ItemTooLargeException", ErrorCategory.INVALID_INPUT),
      Map.entry("InvalidFilterException", ErrorCategory.INVALID_INPUT),
      Map.entry("InvalidCursorException", ErrorCategory.INVALID_INPUT),
      Map.entry("InvalidResumeTokenException", ErrorCategory.INVALID_INPUT),
      Map.entry("RecordNotFoundException", ErrorCategory.NOT_FOUND),
      Map.entry("UniqueViolationException", ErrorCategory.CONFLICT),
      Map.entry("ForeignKeyViolationException", ErrorCategory.CONFLICT),
      Map.entry("StaleRecordException", ErrorCategory.CONFLICT),
      Map.entry("SerializationFailureException", ErrorCategory.CONFLICT),
      Map.entry("CardinalityException", ErrorCategory.CONFLICT),
      Map.entry("SchemaUpgradeException", ErrorCategory.CONFLICT),
      Map.entry("PoolTimeoutException", ErrorCategory.UNAVAILABLE),
      Map.entry("ConnectionLostException", ErrorCategory.UNAVAILABLE),
      Map.entry("TenantScopeException", ErrorCategory.INTERNAL),
      Map.entry("ThrottledException", ErrorCategory.UNAVAILABLE),
      Map.entry("TransactionRolledBackException", ErrorCategory.UNAVAILABLE),
      Map.entry("QueryTimeoutException", ErrorCategory.TIMEOUT),
      Map.entry("UnsupportedFeatureException", ErrorCategory.UNSUPPORTED),
      Map.entry("CommitOutcomeUnknownException", ErrorCategory.INTERNAL),
      Map.entry("DriverException", ErrorCategory.INTERNAL),
      Map.entry("InvalidModelException", ErrorCategory.INTERNAL),
      Map.entry("RelationNotLoadedException", ErrorCategory.INTERNAL),
      Map.entry("DeferredNotLoadedException", ErrorCategory.INTERNAL),
      Map.entry("JsonFieldException", ErrorCategory.INTERNAL),
      Map.entry("UnknownVariantException", ErrorCategory.INTERNAL));

  @Test
  void everyConcreteExceptionDeclaresItsOwnCategory() throws Exception {
    List<Class<?>> found = exceptionClasses();
    assertTrue(found.size() >= TABLE.size(), "found " + found);
    for (Class<?> c : found) {
      assertEquals(c, c.getDeclaredMethod("category").getDeclaringClass(),
          c.getName() + " decides its own category");
    }
  }

  @Test
  void everyConcreteExceptionHasItsRowOfTheTable() throws Exception {
    Map<String, ErrorCategory> actual = new TreeMap<>();
    for (Class<?> c : exceptionClasses()) {
      actual.put(c.getSimpleName(), sample(c).category());
    }
    assertEquals(new TreeMap<>(TABLE), actual);
  }

  @Test
  void aMissingValueIsToldApartFromOtherInvalidStatements() {
    InvalidStatementException missing =
        InvalidStatementException.missing("User", "email", "is required but was not set");
    assertTrue(missing.missingValue());
    assertEquals("User.email: is required but was not set", missing.getMessage());
    assertFalse(new InvalidStatementException("User", "email", "x").missingValue());
  }

  @Test
  void aDriverErrorOfAStatementTimeoutIsATimeout() {
    assertEquals(ErrorCategory.TIMEOUT,
        new DriverException("postgresql", "57014", "canceled", null).category());
    assertEquals(ErrorCategory.TIMEOUT,
        new DriverException("mysql", "70100", "interrupted", null).category());
    assertEquals(ErrorCategory.INTERNAL,
        new DriverException("postgresql", null, "?", null).category());
  }

  /** A user finds every error the library raises in one package, by folder name. */
  @Test
  void everyExceptionIsInTheErrorPackage() throws Exception {
    List<String> elsewhere = exceptionClasses().stream()
        .filter(c -> !c.getPackageName().equals("io.toasty.error"))
        .map(Class::getName).toList();
    assertEquals(List.of(), elsewhere);
    assertEquals("io.toasty.error", ToastyException.class.getPackageName());
  }

  @Test
  void eachCategoryHasItsHttpStatus() {
    assertEquals(List.of(400, 404, 409, 503, 504, 501, 500), Stream.of(ErrorCategory.values())
        .map(ErrorCategory::httpStatus).toList());
  }

  /** The concrete subclasses of {@code ToastyException} compiled in this module. */
  private static List<Class<?>> exceptionClasses() throws Exception {
    Path classes = Path.of(ToastyException.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    Path root = classes.resolve("io/toasty");
    assertTrue(Files.isDirectory(root), "compiled classes at " + root);
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".class"))
          .map(f -> classes.relativize(f).toString().replace('/', '.').replace('\\', '.'))
          .map(n -> n.substring(0, n.length() - ".class".length()))
          .map(ErrorCategoryTest::load)
          .filter(c -> ToastyException.class.isAssignableFrom(c)
              && !Modifier.isAbstract(c.getModifiers()))
          .sorted(Comparator.comparing(Class::getName))
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ErrorCategoryTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(name, e);
    }
  }

  /** An instance of {@code c} made by its first public constructor from plain arguments. */
  private static ToastyException sample(Class<?> c) throws Exception {
    for (Constructor<?> k : c.getConstructors()) {
      Object[] args = Stream.of(k.getParameters()).map(ErrorCategoryTest::argument).toArray();
      return (ToastyException) k.newInstance(args);
    }
    return fail(c.getName() + " has no public constructor");
  }

  private static Object argument(Parameter p) {
    Class<?> t = p.getType();
    if (t == String.class) {
      return "x";
    }
    if (t == int.class || t == long.class) {
      return t == int.class ? (Object) 1 : (Object) 1L;
    }
    if (t == boolean.class) {
      return false;
    }
    if (t == Duration.class) {
      return Duration.ofSeconds(1);
    }
    if (t == List.class) {
      return List.of();
    }
    if (t.isEnum()) {
      return t.getEnumConstants()[0];
    }
    if (t == ConnectionLostException.class) {
      return new ConnectionLostException("x", null, "x", null);
    }
    if (t == Throwable.class) {
      return null;
    }
    throw new AssertionError("no sample argument of " + t + " (" + p + ")");
  }
}
