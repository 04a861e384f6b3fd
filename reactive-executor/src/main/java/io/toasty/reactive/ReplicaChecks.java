package io.toasty.reactive;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;

/** What {@link DbBuilder#build()} checks of a read replica before the {@code Db} is made. */
final class ReplicaChecks {
  private ReplicaChecks() {}

  /**
   * Throws when {@code replica} cannot stand in for the primary: another backend, other
   * models, replicas of its own, or a lag query on a backend without SQL
   * ({@link UnsupportedFeatureException} of {@link Feature#SQL}).
   */
  static void check(Db replica, Schema schema, Capability primary, ReplicaPolicy policy) {
    Capability capability = replica.capability();
    if (!capability.backend().equals(primary.backend())) {
      throw new IllegalArgumentException("a replica of a " + primary.backend()
          + " database is a " + capability.backend() + " database");
    }
    if (!names(replica.models()).equals(names(schema))) {
      throw new IllegalArgumentException("a replica serves the models "
          + names(replica.models()) + ", the primary " + names(schema));
    }
    if (!replica.replicas().isEmpty()) {
      throw new IllegalArgumentException("a replica has replicas of its own");
    }
    if ((policy.lagQuery() != null || policy.writePositionQuery() != null)
        && !capability.rawSql()) {
      throw new UnsupportedFeatureException(Feature.SQL, capability.backend(),
          "a replica's lag and replay position queries are SQL; " + capability.backend()
          + " runs none (leave ReplicaPolicy.maxLag and readYourWritesByPosition unset)");
    }
  }

  private static java.util.List<String> names(Schema schema) {
    return schema.models().stream().map(ModelSchema::name).sorted().toList();
  }
}
