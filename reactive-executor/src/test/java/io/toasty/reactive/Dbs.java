package io.toasty.reactive;

import io.toasty.driver.Capability;
import io.toasty.schema.Schema;
import java.util.List;

/** Builds a Db over a fresh FakeDriver. */
final class Dbs {
  static final Capability ROW_BY_ROW = new Capability("sql-single-row", true, true, true, true,
      true, true, true, true, true, false, 64);
  static final Capability NO_RETURNING = new Capability("sql-no-returning", true, false, true,
      false, true, true, true, true, true, true, 64);
  static final Schema SCHEMA = Schema.of(List.of(Models.USER, Models.TODO));

  final FakeDriver driver;
  final Db db;

  Dbs(Capability capability) {
    this.driver = new FakeDriver(capability, SCHEMA);
    this.db = Toasty.builder().models(Models.USERS, Models.TODOS).planCacheSize(64)
        .driverFactory(config -> driver).build();
  }
}
