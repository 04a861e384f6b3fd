package io.toasty;

import io.toasty.driver.Operation;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.PathNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Shaped;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs untyped statements: a {@code Db}, or a transaction bound to one connection. The typed
 * builders ({@link Select}, {@link Create}, {@link Update}, {@link Delete}) call it and load the
 * results into records.
 */
public interface Executor {

  /**
   * Plans and runs a statement. A statement returning {@code Returning.Model} yields one
   * {@link Value.Record} per record, with the model's fields in order; one returning
   * {@code Returning.Count} yields a single {@link Value.I64}. Nothing runs until subscription;
   * cancelling stops the database work.
   */
  Flux<Value> exec(StatementNode statement);

  /**
   * Runs {@code query} (returning {@code Returning.Model}) and loads each row into a record of
   * {@code model}: {@link #exec} then {@link ModelDef#load}, unless the executor reads rows
   * straight into records (a {@code Db} does, through {@link ModelDef#rowReader()}, where the
   * plan is one SQL query of the model's fields). The records are the same either way.
   */
  default <M> Flux<M> read(Query query, ModelDef<M> model) {
    return exec(query).map(v -> model.load((Value.Record) v));
  }

  /**
   * {@link #read(Query, ModelDef)} of a query that a generated finder built, with
   * its shape key and values ({@code shaped}, taken from {@code query}): a {@code Db} reuses the
   * key's plan without rebuilding the statement to find its shape. The records are the same
   * either way; this default ignores the key.
   */
  default <M> Flux<M> read(Query query, ModelDef<M> model,
      Shaped shaped) {
    return read(query, model);
  }

  /**
   * {@link #read(Query, ModelDef, Shaped)}'s records in one list, its key {@code shaped} null
   * where the query has none: what {@code collect} gives. A {@code Db} has the driver build the
   * list where the rows arrive ({@code Connection.readAll}), without a signal per record through
   * its operators; this default collects {@link #read}'s. The records are the same either way.
   */
  default <M> Mono<List<M>> readAll(Query query, ModelDef<M> model, @Nullable Shaped shaped) {
    return (shaped == null ? read(query, model) : read(query, model, shaped)).collectList();
  }

  /**
   * The committed changes of {@code model}'s records as they happen (see {@link Change}): a
   * {@code Db} follows them where the backend has change streams and the model declares
   * {@code @Model(changes = true)}. This default, for an executor that is no {@code Db} (a
   * transaction), fails with an {@link UnsupportedFeatureException} of
   * {@link Feature#CHANGE_STREAMS}.
   */
  default <M> Flux<Change<M>> changes(ModelDef<M> model) {
    return Flux.error(new UnsupportedFeatureException(Feature.CHANGE_STREAMS, null,
        "a change stream of " + model.name() + " runs on a Db, not on "
            + getClass().getSimpleName()));
  }

  /**
   * The changes of {@code model}'s records committed after the change whose
   * {@link Change#resumeToken()} is {@code resumeToken}, then the live ones, as
   * {@link #changes} gives them: a stream resumed where an earlier one stopped, with no change
   * missed and none twice (see {@link Change}). This default, for an executor that is no
   * {@code Db}, fails with an {@link UnsupportedFeatureException} of
   * {@link Feature#CHANGE_STREAMS}.
   */
  default <M> Flux<Change<M>> changesAfter(ModelDef<M> model, String resumeToken) {
    return Flux.error(new UnsupportedFeatureException(Feature.CHANGE_STREAMS, null,
        "a resumed change stream of " + model.name() + " runs on a Db, not on "
            + getClass().getSimpleName()));
  }

  /**
   * Runs a raw SQL statement ({@link SqlStatement} calls this): the records are the driver's
   * answer to {@link Operation.RawSql}, {@code (labels, values)} per row, or one
   * {@code (count)} record. An executor without SQL signals {@link UnsupportedFeatureException}
   * of {@link Feature#SQL}.
   */
  default Flux<Value.Record> execRaw(Operation.RawSql sql) {
    return Flux.error(rawSqlRefusal().orElseGet(() -> new UnsupportedFeatureException(
        Feature.SQL, null, "this executor runs no raw SQL")));
  }

  /**
   * Why this executor cannot run raw SQL (an {@link UnsupportedFeatureException} of
   * {@link Feature#SQL}), or empty if it can: asked before a raw statement is even parsed, so
   * that a backend without SQL refuses it first and nothing reaches its driver.
   */
  default Optional<UnsupportedFeatureException> rawSqlRefusal() {
    return Optional.of(new UnsupportedFeatureException(Feature.SQL, null,
        "this executor runs no raw SQL"));
  }

  /**
   * Runs a PartiQL statement ({@link PartiqlStatement} calls this): the records are the driver's
   * answer to {@link Operation.Partiql}. An executor without PartiQL signals
   * {@link UnsupportedFeatureException} of {@link Feature#PARTIQL}.
   */
  default Flux<Value.Record> execPartiql(Operation.Partiql statement) {
    return Flux.error(partiqlRefusal().orElseGet(() -> new UnsupportedFeatureException(
        Feature.PARTIQL, null, "this executor runs no PartiQL")));
  }

  /**
   * Why this executor cannot run PartiQL (an {@link UnsupportedFeatureException} of
   * {@link Feature#PARTIQL}), or empty if it can: asked before the statement is parsed, so
   * that a backend without PartiQL refuses it first and nothing reaches its driver.
   */
  default Optional<UnsupportedFeatureException> partiqlRefusal() {
    return Optional.of(new UnsupportedFeatureException(Feature.PARTIQL, null,
        "this executor runs no PartiQL statements"));
  }

  /**
   * The table {@code model} is stored in, as this executor's database names it: the model's own
   * table name, or another where the {@code Db}'s naming strategy renames it
   * ({@link io.toasty.schema.naming.NamingStrategy}). Raw statements that read rows as records
   * ({@link RawQuery#as}) ask it for the table to read the columns of.
   */
  default String tableOf(ModelDef<?> model) {
    return model.schema().tableName();
  }

  /**
   * Runs a Cypher statement ({@link CypherStatement} calls this): the records are the driver's
   * answer to {@link Operation.RawCypher}. An executor without Cypher signals
   * {@link UnsupportedFeatureException} of {@link Feature#CYPHER}.
   */
  default Flux<Value.Record> execCypher(Operation.RawCypher statement) {
    return Flux.error(cypherRefusal().orElseGet(() -> new UnsupportedFeatureException(
        Feature.CYPHER, null, "this executor runs no Cypher")));
  }

  /**
   * Why this executor cannot run Cypher (an {@link UnsupportedFeatureException} of
   * {@link Feature#CYPHER}), or empty if it can: asked before the statement's parameters are
   * even read, so that a backend without Cypher refuses it first and nothing reaches its driver.
   */
  default Optional<UnsupportedFeatureException> cypherRefusal() {
    return Optional.of(new UnsupportedFeatureException(Feature.CYPHER, null,
        "this executor runs no Cypher statements"));
  }

  /**
   * Runs a model-level path query ({@link PathQuery} calls this): one record per row reached, the
   * model's fields in order and then the path's length as a {@link Value.I64}. This default, for
   * an executor without path queries, signals {@link UnsupportedFeatureException} of
   * {@link Feature#PATH_QUERIES}.
   */
  default Flux<Value.Record> execPath(PathNode path) {
    return Flux.error(new UnsupportedFeatureException(Feature.PATH_QUERIES, null,
        "this executor runs no path queries"));
  }

  /**
   * The key that signs this executor's pagination cursors ({@link PageQuery}): a {@code Db}'s
   * own, which its transactions share. An executor that signs no cursors throws
   * {@link UnsupportedOperationException} (the default), which a page reports as its error.
   */
  default CursorKey cursorKey() {
    throw new UnsupportedOperationException(getClass().getName() + " signs no cursors");
  }

  /**
   * How many records (or statements) a {@link Bulk} stream of {@code model} (null: statements of
   * any model) puts in one chunk; this default takes 500. A {@code Db} sizes chunks from its
   * backend's limits (bind markers per statement, items per atomic write).
   */
  default int bulkChunkRows(@Nullable ModelDef<?> model) {
    return 500;
  }

  /**
   * Runs the statements of a {@link Batch} and emits their results in order (each result as its
   * {@link Statement.Snapshot} made it). This default runs them one after the other,
   * with no atomicity of its own; a {@code Db} and a transaction run them as one unit (see
   * {@link Batch}). Called with at least one statement.
   */
  default Mono<List<Object>> execBatch(List<Statement.Snapshot<?>> statements) {
    return Batch.inOrder(this, statements);
  }
}
