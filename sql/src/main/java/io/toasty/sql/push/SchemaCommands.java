package io.toasty.sql.push;

import io.toasty.driver.SchemaUpgrade;
import io.toasty.error.SchemaUpgradeException;
import io.toasty.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Schema push and reset on one connection, returned on every path: the DDL of every SQL
 * transport (R2DBC, Vert.x), each lending a {@link DdlSession}.
 */
public final class SchemaCommands {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaCommands.class);

  private SchemaCommands() {}

  /**
   * Creates the tables and indexes that do not exist yet, and adds to the existing tables the
   * upgrades that can be made in place ({@link SchemaUpgrades}); each one that cannot is logged
   * as a warning with its statements. A statement of an upgrade that fails is a
   * {@link SchemaUpgradeException} naming table and constraint.
   */
  public static Mono<Void> push(Mono<? extends DdlSession> acquire, Schema schema) {
    return on(acquire, c -> upgrades(c, schema).flatMap(upgrades -> {
      List<String> statements = new ArrayList<>(new SchemaDdl(c.dialect(), schema).create());
      Map<String, SchemaUpgrade> byStatement = new HashMap<>();
      warnLeft(c.dialect().backend(), upgrades);
      for (SchemaUpgrade upgrade : upgrades) {
        for (String sql : upgrade.inPlace() ? upgrade.statements() : List.<String>of()) {
          byStatement.put(sql, upgrade);
          if (!statements.contains(sql)) {
            statements.add(sql);
          }
        }
      }
      return c.executeDdl(statements, (sql, e) -> {
        SchemaUpgrade upgrade = byStatement.get(sql);
        return upgrade == null ? e
            : new SchemaUpgradeException(upgrade.table(), upgrade.name(), sql, e);
      });
    }));
  }

  /** A warning per script that adds what push leaves, naming what it adds. */
  private static void warnLeft(String backend, List<SchemaUpgrade> upgrades) {
    Map<List<String>, List<String>> byScript = new LinkedHashMap<>();
    for (SchemaUpgrade upgrade : upgrades) {
      if (!upgrade.inPlace()) {
        byScript.computeIfAbsent(upgrade.statements(), k -> new ArrayList<>())
            .add(upgrade.table() + "." + upgrade.name());
      }
    }
    byScript.forEach((script, names) -> LOG.warn("[{}] schema push cannot add {} in place; "
        + "these statements add them (toasty schema diff --push prints them):\n  {}", backend,
        names, String.join(";\n  ", script)));
  }

  /** What the existing tables lack (see {@link io.toasty.driver.Driver#schemaUpgrades()}). */
  public static Mono<List<SchemaUpgrade>> upgrades(Mono<? extends DdlSession> acquire, Schema schema) {
    return on(acquire, c -> upgrades(c, schema));
  }

  private static Mono<List<SchemaUpgrade>> upgrades(DdlSession c, Schema schema) {
    return c.catalogRows(SchemaCatalog.query(c.dialect()))
        .map(rows -> new SchemaUpgrades(c.dialect(), schema).of(ExistingSchema.of(rows)));
  }

  /** Drops the tables and creates them again, empty. */
  public static Mono<Void> reset(Mono<? extends DdlSession> acquire, Schema schema) {
    return on(acquire, c -> {
      SchemaDdl ddl = new SchemaDdl(c.dialect(), schema);
      List<String> statements = new ArrayList<>(ddl.drop());
      statements.addAll(ddl.create());
      return c.executeDdl(statements);
    });
  }

  private static <T> Mono<T> on(Mono<? extends DdlSession> acquire,
      Function<DdlSession, Mono<T>> work) {
    Mono<DdlSession> session = acquire.map(c -> c);
    return Mono.usingWhen(session, c -> Mono.defer(() -> work.apply(c)), DdlSession::close,
        (c, e) -> c.close(), DdlSession::close);
  }
}
