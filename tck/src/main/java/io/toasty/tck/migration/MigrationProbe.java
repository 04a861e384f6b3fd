package io.toasty.tck.migration;

import io.toasty.migrate.render.SqlChoices;
import io.toasty.reactive.Db;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * What {@code MigrationScenarios} reads and writes beside the migrations, outside the models
 * (the versions' tables have no generated model): rows as maps of column to value, and an
 * obstacle that makes a migration step fail. SQL backends use {@link SqlMigrationProbe}; other
 * backends supply a {@link Factory} through {@link ServiceLoader}.
 */
public interface MigrationProbe {

  /** Inserts a row ({@code Long} and {@code String} values). */
  void insert(String table, Map<String, Object> row);

  /** Sets {@code column} of the row whose {@code id} is {@code id}. */
  void set(String table, String id, String column, Object value);

  /** Deletes the row whose {@code id} is {@code id}. */
  void delete(String table, String id);

  /** Every row, sorted by id: integers as {@code Long}, text as {@code String}, NULL absent. */
  List<Map<String, Object>> rows(String table);

  /**
   * Puts something in the database that makes creating the unique index
   * {@code mig_people_name_key} fail (rows with the same name; on DynamoDB an index of that name).
   */
  void blockUniqueName();

  /** Removes what {@link #blockUniqueName} put there. */
  void unblockUniqueName();

  /** Whether the live schema shows columns (else only keys and indexes: DynamoDB). */
  boolean columnsAreLive();

  /** Whether index uniqueness is visible in the live schema. */
  boolean uniquenessIsLive();

  /**
   * Whether the companion table that keeps {@code table}'s unique values exists (DynamoDB's
   * {@code <table>.unique}); empty where uniqueness lives in the index itself.
   */
  Optional<Boolean> uniquenessTable(String table);

  /** Whether each migration applies whole or not at all. */
  boolean transactional();

  /** Whether a live column type differs between int and long. */
  boolean intAndLongDiffer();

  /** Makes probes for some backends. */
  interface Factory {
    /** A probe for {@code db}, if this factory serves its backend. */
    Optional<MigrationProbe> probe(Db db);
  }

  /** The probe for {@code db}'s backend. */
  static MigrationProbe of(Db db) {
    // SQL dialects' migrations (Neo4j plans as SQL but runs Cypher: its probe is another).
    if (SqlChoices.of(db.capability().backend()).isPresent()) {
      return new SqlMigrationProbe(db);
    }
    for (Factory f : ServiceLoader.load(Factory.class)) {
      var probe = f.probe(db);
      if (probe.isPresent()) {
        return probe.get();
      }
    }
    throw new IllegalStateException("no MigrationProbe for " + db.capability().backend());
  }
}
