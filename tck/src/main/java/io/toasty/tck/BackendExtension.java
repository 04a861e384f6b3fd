package io.toasty.tck;

import io.toasty.ModelDef;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.tck.models.TckModels;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.opentest4j.AssertionFailedError;
import reactor.blockhound.BlockHound;

/**
 * Runs a {@link BackendTest} once per backend: opens an isolated {@code Db} with the scenario's
 * {@link Models} and {@link DbOptions}, on a database the test class kept from an earlier clean
 * run, emptied (see {@link KeptDatabases}), or on a fresh one with its schema reset; injects it,
 * and closes it after. Where
 * the backend lacks a {@link Requires} need, the run passes only if the scenario fails with an
 * {@link UnsupportedFeatureException}.
 */
public final class BackendExtension implements TestTemplateInvocationContextProvider {

  static {
    // Every JVM that runs the TCK checks that nothing blocks a non-blocking thread. Idempotent;
    // integrations (reactor's, and the TCK's H2 allowances) come from ServiceLoader.
    BlockHound.install();
  }

  private static volatile List<Backend> backends;

  /** The backends of every {@link BackendSource} on the class path. */
  public static List<Backend> backends() {
    List<Backend> b = backends;
    if (b == null) {
      List<Backend> found = new ArrayList<>();
      for (BackendSource source : ServiceLoader.load(BackendSource.class)) {
        found.addAll(source.backends());
      }
      backends = b = List.copyOf(found);
    }
    return b;
  }

  /** The backends for {@code testClass}: its {@link UseBackends}, else {@link #backends()}. */
  static List<Backend> backends(Class<?> testClass) {
    UseBackends use = testClass.getAnnotation(UseBackends.class);
    if (use == null) {
      return backends();
    }
    List<Backend> out = new ArrayList<>();
    for (Class<? extends BackendSource> source : use.value()) {
      try {
        out.addAll(source.getConstructor().newInstance().backends());
      } catch (ReflectiveOperationException e) {
        throw new ExtensionConfigurationException("cannot make " + source.getName(), e);
      }
    }
    return out;
  }

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> m.isAnnotationPresent(BackendTest.class))
        .orElse(false);
  }

  /**
   * A class of {@link UseBackends} may have no run in this build's selection (the application
   * pools' families when only in-JVM backends are chosen); every other class has one per backend.
   */
  @Override
  public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
    return context.getRequiredTestClass().isAnnotationPresent(UseBackends.class);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    List<Backend> all = backends(context.getRequiredTestClass());
    if (backends().isEmpty()) {
      throw new ExtensionConfigurationException("no backend to run on: list a "
          + BackendSource.class.getName() + " in META-INF/services");
    }
    Method method = context.getRequiredTestMethod();
    Class<?> testClass = context.getRequiredTestClass();
    Set<Need> needs = needs(method, testClass);
    List<ModelDef<?>> models = models(method, testClass);
    DbOptions options = method.getAnnotation(DbOptions.class);
    return all.stream().map(backend -> new Run(backend, method.getName(), missing(needs,
        backend), models, options));
  }

  static Set<Need> needs(Method method, Class<?> testClass) {
    Set<Need> needs = EnumSet.noneOf(Need.class);
    for (Class<?> c = testClass; c != null; c = c.getSuperclass()) {
      add(needs, c);
    }
    add(needs, method);
    return needs;
  }

  private static void add(Set<Need> needs, AnnotatedElement element) {
    Requires r = element.getAnnotation(Requires.class);
    if (r != null) {
      needs.addAll(List.of(r.value()));
    }
  }

  static Set<Need> missing(Set<Need> needs, Backend backend) {
    Set<Need> missing = EnumSet.noneOf(Need.class);
    for (Need n : needs) {
      if (!n.isMetBy(backend)) {
        missing.add(n);
      }
    }
    return missing;
  }

  private static List<ModelDef<?>> models(Method method, Class<?> testClass) {
    Models m = method.getAnnotation(Models.class);
    if (m == null) {
      m = testClass.getAnnotation(Models.class);
    }
    if (m == null) {
      return TckModels.all();
    }
    List<ModelDef<?>> out = new ArrayList<>();
    for (Class<?> entry : m.value()) {
      out.add(modelOf(entry));
    }
    return out;
  }

  private static ModelDef<?> modelOf(Class<?> entry) {
    try {
      Field f = entry.getField("MODEL");
      if (!Modifier.isStatic(f.getModifiers()) || !(f.get(null) instanceof ModelDef<?> def)) {
        throw new ExtensionConfigurationException(entry.getName()
            + ".MODEL is not a static ModelDef");
      }
      return def;
    } catch (ReflectiveOperationException e) {
      throw new ExtensionConfigurationException(entry.getName()
          + " is not a generated entry class with a MODEL field", e);
    }
  }

  /** One backend's run of one scenario. */
  private static final class Run implements TestTemplateInvocationContext {
    private final Backend backend;
    private final String name;
    private final Set<Need> missing;
    private final List<ModelDef<?>> models;
    private final DbOptions options;

    Run(Backend backend, String name, Set<Need> missing, List<ModelDef<?>> models,
        DbOptions options) {
      this.backend = backend;
      this.name = name;
      this.missing = missing;
      this.models = models;
      this.options = options;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return "[" + backend.name() + "] " + name + (missing.isEmpty() ? ""
          : " (lacks " + missing + ": expects UnsupportedFeatureException)");
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new Lifecycle(this));
    }
  }

  /** Opens and closes the run's databases, injects them, and checks unsupported outcomes. */
  private static final class Lifecycle implements BeforeEachCallback, AfterEachCallback,
      ParameterResolver, InvocationInterceptor {
    private final Run run;
    private BackendContext context;
    private BackendContext.Opened primary;
    /** The run failed as it must where the backend lacks a need: faults it set may not fire. */
    private boolean refusedAsExpected;

    Lifecycle(Run run) {
      this.run = run;
    }

    @Override
    public void beforeEach(ExtensionContext extensionContext) {
      context = new BackendContext(run.backend, run.models);
      int pool = run.options == null ? BackendContext.DEFAULT_POOL_SIZE
          : run.options.poolMaxSize();
      int planCache = run.options == null ? BackendContext.DEFAULT_PLAN_CACHE_SIZE
          : run.options.planCacheSize();
      KeptDatabases keeper = KeptDatabases.of(extensionContext);
      String fresh = freshOnly(extensionContext);
      if (takesOwnDatabase(extensionContext)) {
        primary = context.openOwn(pool, planCache, keeper, fresh);
      } else {
        // opened when the scenario first names it; never, if it opens only its own databases
        context.deferOwn(pool, planCache, keeper, fresh);
      }
    }

    /** Whether the scenario takes its own database's {@code Db} or log as a parameter. */
    private static boolean takesOwnDatabase(ExtensionContext extensionContext) {
      return extensionContext.getTestMethod().map(m -> Stream.of(m.getParameterTypes())
          .anyMatch(t -> t == Db.class || t == OperationLog.class)).orElse(true);
    }

    /** "@FreshDatabase" where the method or its class asks for a fresh database, else null. */
    private static String freshOnly(ExtensionContext extensionContext) {
      boolean fresh = extensionContext.getTestMethod()
          .map(m -> m.isAnnotationPresent(FreshDatabase.class)).orElse(false)
          || extensionContext.getTestClass()
          .map(c -> c.isAnnotationPresent(FreshDatabase.class)).orElse(false);
      return fresh ? "@FreshDatabase" : null;
    }

    @Override
    public void afterEach(ExtensionContext extensionContext) {
      if (context != null) {
        BackendContext.Opened own = context.ownIfOpened();
        OperationLog log = own == null ? null : own.log();
        boolean faultPending = log != null && log.hasPendingFaults() && !refusedAsExpected;
        context.closeAll(extensionContext.getExecutionException().isPresent() || faultPending
            ? "run failed" : null);
        context = null;
        primary = null;
        if (faultPending) {
          throw new AssertionFailedError("an injected fault was never triggered: " + log);
        }
      }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
      Class<?> type = p.getParameter().getType();
      return type == Db.class || type == OperationLog.class || type == Backend.class
          || type == Capability.class || type == BackendContext.class
          || type == TckClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
      Class<?> type = p.getParameter().getType();
      if (type == Db.class) {
        return primary.db();
      }
      if (type == OperationLog.class) {
        return primary.log();
      }
      if (type == Backend.class) {
        return run.backend;
      }
      if (type == Capability.class) {
        return run.backend.capability();
      }
      if (type == TckClock.class) {
        return context.clock();
      }
      return context;
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
        ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext)
        throws Throwable {
      if (run.missing.isEmpty()) {
        invocation.proceed();
        return;
      }
      String lacks = run.backend.name() + " lacks " + run.missing.stream().map(Enum::name)
          .collect(Collectors.joining(", "));
      ExpectedRefusal expected = new ExpectedRefusal(run.missing);
      String must = lacks + ", so the scenario must fail with "
          + UnsupportedFeatureException.class.getSimpleName() + " naming " + expected.accepted()
          + " before anything of the refused work reaches the driver, but ";
      try {
        invocation.proceed();
      } catch (Throwable t) {
        BackendContext.Opened own = context.ownIfOpened();
        String problem = expected.problem(t, own == null ? null : own.log());
        if (problem == null) {
          refusedAsExpected = true;
          return;
        }
        throw new AssertionFailedError(must + problem, t);
      }
      throw new AssertionFailedError(must + "it passed: fix the backend's Capability, or make "
          + "the engine refuse");
    }
  }
}
