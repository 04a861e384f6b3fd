package io.toasty.reactive.internal.route;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import java.util.Optional;

/**
 * Why a backend refuses a raw statement in a language it does not run, naming the language it
 * does run, so that the refusal says what to write instead.
 */
public final class RawRefusals {
  private RawRefusals() {}

  /** The refusal of Cypher where the capability declares none, else empty. */
  public static Optional<UnsupportedFeatureException> cypher(Capability capability) {
    if (capability.cypher()) {
      return Optional.empty();
    }
    return Optional.of(new UnsupportedFeatureException(Feature.CYPHER, capability.backend(),
        "Cypher statements run on a graph database only; here write " + instead(capability)));
  }

  private static String instead(Capability capability) {
    if (capability.rawSql()) {
      return "SQL with db.sql(..)";
    }
    return capability.partiql() ? "PartiQL with db.partiql(..)" : "the typed statements";
  }
}
