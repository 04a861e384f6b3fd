package io.toasty.tck;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.tck.models.KeyOnlies;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The harness itself: on a backend lacking a {@link Requires} need, a scenario passes only by
 * failing with the {@link UnsupportedFeatureException} of that need's feature, raised before the
 * refused work reached the driver; a refusal of another feature, or one the driver sent back,
 * fails it. Names read {@code [backend] method}.
 */
class RequiresTest {

  /** H2, declared as if it could not run SQL. */
  public static final class NoSqlBackends implements BackendSource {
    static final Capability NO_SQL = new Capability("h2-nosql", false, true, true, true, true,
        true, true, true, true, true, 256);

    @Override
    public List<Backend> backends() {
      return List.of(Backend.ofUrl("h2-nosql", NO_SQL, ChronoUnit.MICROS,
          database -> "r2dbc:h2:mem:///" + database));
    }
  }

  /** Run through a nested launcher only (surefire skips nested classes). */
  @UseBackends(NoSqlBackends.class)
  @Models(KeyOnlies.class)
  public static class Fixture {
    @BackendTest
    @Requires(Need.SQL)
    public void refusesWithTheTypedError(Db db) {
      throw new UnsupportedFeatureException(Feature.SQL, "h2-nosql", null);
    }

    @BackendTest
    @Requires(Need.SQL)
    public void refusesInsideAPublisher(Db db) {
      StepVerifier.create(Mono.error(new UnsupportedFeatureException(Feature.SQL, "h2-nosql",
              null)))
          .expectNext(1)
          .verifyComplete();
    }

    @BackendTest
    @Requires(Need.SQL)
    public void refusesAnotherFeature(Db db) {
      throw new UnsupportedFeatureException(Feature.ORDER_BY, "h2-nosql", null);
    }

    @BackendTest
    @Requires(Need.SQL)
    public void theDriverRefusesAfterReceivingTheOperation(Db db, OperationLog log) {
      // The driver receives the scan and answers with a refusal naming SQL (injected here, as
      // a driver without SQL would answer): the right feature, too late.
      log.clear();
      log.failNext(new UnsupportedFeatureException(Feature.SQL, "h2-nosql", "from the driver"));
      try {
        await(KeyOnlies.all().collect(db));
      } finally {
        assertEquals(1, log.size(), "the scan reached the driver");
      }
    }

    @BackendTest
    @Requires(Need.SQL)
    public void passesDespiteLackingANeed(Db db) {}

    @BackendTest
    @Requires(Need.SQL)
    public void failsWithAnotherError(Db db) {
      throw new IllegalStateException("not the typed error");
    }

    @BackendTest
    @Requires(Need.SCAN)
    public void needsOnlyWhatTheBackendHas(Db db) {}
  }

  @Test
  void aBackendLackingANeedMustRefuseWithTheTypedError() {
    Map<String, TestExecutionResult.Status> results = new TreeMap<>();
    Map<String, String> failures = new TreeMap<>();
    FixtureLaunch.run(Fixture.class).forEach((run, result) -> {
      results.put(run, result.getStatus());
      result.getThrowable().ifPresent(t -> failures.put(run, String.valueOf(t.getMessage())));
    });
    String lacks = " (lacks [SQL]: expects UnsupportedFeatureException)";
    Map<String, TestExecutionResult.Status> expected = new TreeMap<>(Map.of(
        "[h2-nosql] refusesWithTheTypedError" + lacks, TestExecutionResult.Status.SUCCESSFUL,
        "[h2-nosql] refusesInsideAPublisher" + lacks, TestExecutionResult.Status.SUCCESSFUL,
        "[h2-nosql] passesDespiteLackingANeed" + lacks, TestExecutionResult.Status.FAILED,
        "[h2-nosql] failsWithAnotherError" + lacks, TestExecutionResult.Status.FAILED,
        "[h2-nosql] refusesAnotherFeature" + lacks, TestExecutionResult.Status.FAILED,
        "[h2-nosql] theDriverRefusesAfterReceivingTheOperation" + lacks,
        TestExecutionResult.Status.FAILED,
        "[h2-nosql] needsOnlyWhatTheBackendHas", TestExecutionResult.Status.SUCCESSFUL));
    assertEquals(expected, results, failures.toString());
    assertTrue(failures.get("[h2-nosql] refusesAnotherFeature" + lacks)
        .contains("it was refused for ORDER_BY"), failures.toString());
    assertTrue(failures.get("[h2-nosql] theDriverRefusesAfterReceivingTheOperation" + lacks)
        .contains("the refusal came back from the driver"), failures.toString());
  }
}
