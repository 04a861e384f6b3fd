package io.toasty.reactive.observe;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import reactor.util.context.ContextView;

/**
 * One Micrometer {@code Observation} per statement, named {@code toasty.statement}, with
 * low-cardinality keys {@code db.backend}, {@code db.model}, {@code db.operation} and
 * {@code db.transaction}, and the high-cardinality {@code db.statement.shape} (values as slots,
 * never the values). Its parent is the observation in the subscriber's Reactor Context
 * ({@code ObservationThreadLocalAccessor.KEY}), as Spring WebFlux puts a request's there, so
 * traces nest statements under requests; with a {@code DefaultMeterObservationHandler} on the
 * registry, each becomes a timer. Micrometer is an optional dependency: this class loads it only
 * when used.
 */
public final class MicrometerObserver implements StatementObserver {
  /** The observation's name, also the timer's. */
  public static final String NAME = "toasty.statement";
  private static final String PARENT = "micrometer.observation";
  private final ObservationRegistry registry;

  /** Observations in {@code registry}. */
  public MicrometerObserver(ObservationRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public StatementObservation start(StatementInfo info, ContextView context) {
    Observation observation = Observation.createNotStarted(NAME, registry)
        .contextualName(info.operation() + " " + info.model())
        .lowCardinalityKeyValues(KeyValues.of("db.backend", info.backend(),
            "db.model", info.model(), "db.operation", info.operation(),
            "db.transaction", String.valueOf(info.inTransaction())));
    if (!observation.isNoop()) {
      // printed only for an observation someone records
      observation.highCardinalityKeyValue("db.statement.shape", info.shape());
    }
    Object parent = context.getOrDefault(PARENT, null);
    if (parent instanceof Observation p) {
      observation.parentObservation(p);
    }
    observation.start();
    return (rows, error, cancelled) -> {
      observation.highCardinalityKeyValue("db.rows", String.valueOf(rows));
      if (error != null) {
        observation.error(error);
      } else if (cancelled) {
        observation.event(Observation.Event.of("cancelled"));
      }
      observation.stop();
    };
  }
}
