package io.toasty.r2dbc;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Wrapped;
import io.toasty.Change;
import io.toasty.Feature;
import io.toasty.driver.ChangeNotice;
import io.toasty.error.DriverException;
import io.toasty.error.InvalidModelException;
import io.toasty.error.InvalidResumeTokenException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.sql.ddl.ChangePayload;
import io.toasty.sql.ddl.ChangeTriggerDdl;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.value.Type;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * A PostgreSQL change stream: {@code LISTEN} on the table's channel
 * ({@link ChangeTriggerDdl#CHANNEL_QUERY}), on a connection of its own
 * opened from the connection factory (never a pooled one: it waits for as long as the stream
 * lives: docs/design/connections.md), and each notification
 * of the table's change trigger read as a {@link ChangeNotice}. {@link Change.Kind#LISTENING}
 * comes once {@code LISTEN} is done. A lost connection (the server ended the session, the
 * network dropped) ends its session quietly; the stream opens another and, once it listens
 * again, sends {@link Change.Kind#GAP}: notifications are not durable, so what was committed
 * in between is not reported. A stream resumed after a change's token reads the change log
 * ({@link ChangeTriggerDdl#LOG}) after the token's number once it listens, then the live
 * notifications, dropping by number those the log gave already ({@link ResumeOrder}).
 * Reopening gives up after {@value #REOPEN_ATTEMPTS} attempts in a
 * row, failing the stream with the last error. Cancelling sends {@code UNLISTEN *} and closes
 * the connection.
 */
final class ChangeListener {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
  /** Attempts in a row to listen again after a lost connection. */
  static final int REOPEN_ATTEMPTS = 10;

  private final ConnectionFactory factory;
  private final String table;
  private final String quotedTable;
  private final List<Type> keyTypes;
  private final Function<Throwable, Throwable> translate;
  private final long after;

  ChangeListener(ConnectionFactory factory, String table, String quotedTable,
      List<Type> keyTypes, Function<Throwable, Throwable> translate, long after) {
    this.after = after;
    this.factory = factory;
    this.table = table;
    this.quotedTable = quotedTable;
    this.keyTypes = List.copyOf(keyTypes);
    this.translate = translate;
  }

  /**
   * The change stream of {@code model} ({@link io.toasty.driver.Driver#changes}): refused where
   * the dialect has no change streams or the key holds a type a notification cannot carry back;
   * {@code unpooled} gives the factory to open the listener's connection from, {@code null} once
   * the driver is closed; {@code after}, a change's token, resumes after it. Live streams (no
   * {@code after}) of one table share one listener through {@code hub}; a resumed one reads
   * the log on a listener of its own.
   */
  static Flux<ChangeNotice> stream(SqlDialect dialect, Schema schema, String model,
      @Nullable String after, ListenerHub hub, Supplier<@Nullable ConnectionFactory> unpooled,
      Function<String, Function<Throwable, Throwable>> translate) {
    return Flux.defer(() -> {
      String backend = dialect.backend();
      if (!dialect.capability().changeStreams()) {
        return Flux.error(new UnsupportedFeatureException(Feature.CHANGE_STREAMS, backend,
            "following the changes of " + model));
      }
      long afterSeq = 0;
      if (after != null) {
        try {
          afterSeq = ChangePayload.sequence(after);
        } catch (IllegalArgumentException e) {
          return Flux.error(new InvalidResumeTokenException(model, after,
              "not a PostgreSQL change's token (<transaction>.<number>)"));
        }
      }
      ConnectionFactory factory = unpooled.get();
      if (factory == null) {
        return Flux.error(new DriverException(backend, null, "the driver is closed", null));
      }
      ModelSchema m = schema.model(model);
      List<Type> keyTypes = m.primaryKey().stream().map(i -> m.field(i).type()).toList();
      for (Type type : keyTypes) {
        if (!ChangePayload.readable(type)) {
          return Flux.error(new UnsupportedFeatureException(Feature.CHANGE_STREAMS, backend,
              "following the changes of " + model + ", whose key holds a " + type));
        }
      }
      String table = m.tableName();
      long from = afterSeq;
      Supplier<Flux<ChangeNotice>> listener = () -> new ChangeListener(factory, table,
          '"' + table.replace("\"", "\"\"") + '"', keyTypes, translate.apply(table), from)
          .notices();
      return after == null ? hub.notices(table, listener) : listener.get();
    });
  }

  /** The notices, from the first {@code LISTEN} until cancelled. */
  Flux<ChangeNotice> notices() {
    Flux<ChangeNotice> again = session(Change.Kind.GAP, 0)
        .retryWhen(Retry.backoff(REOPEN_ATTEMPTS, Duration.ofMillis(100))
            .maxBackoff(Duration.ofSeconds(5))
            .doBeforeRetry(r -> LOG.warn("listening again to the changes of {} failed ({}): "
                + "trying again", table, r.failure().toString()))
            .onRetryExhaustedThrow((spec, r) -> r.failure()));
    return session(Change.Kind.LISTENING, after).concatWith(again.repeat())
        .onErrorMap(translate);
  }

  /**
   * One connection's notices, starting with {@code mark} once it listens, then (from
   * {@code from} above 0) the logged changes after number {@code from}; ends quietly when the
   * connection is lost after that, fails when it could not listen.
   */
  private Flux<ChangeNotice> session(Change.Kind mark, long from) {
    return Flux.usingWhen(Mono.from(factory.create()), c -> heard(c, mark, from),
        ChangeListener::close, (c, e) -> close(c), this::unlisten);
  }

  private Flux<ChangeNotice> heard(Connection connection, Change.Kind mark, long from) {
    PostgresqlConnection pg = postgres(connection);
    if (pg == null) {
      return Flux.error(new UnsupportedFeatureException(Feature.CHANGE_STREAMS, "postgresql",
          "the connection factory makes " + connection.getClass().getName()
              + ", which receives no notifications"));
    }
    AtomicBoolean listening = new AtomicBoolean();
    AtomicReference<String> channel = new AtomicReference<>("");
    Flux<ResumeOrder.Heard> heard = pg.getNotifications()
        .filter(n -> Objects.requireNonNull(channel.get()).equals(n.getName())
            && n.getParameter() != null)
        .map(n -> new ResumeOrder.Heard(notice(ChangePayload.parse(
            Objects.requireNonNull(n.getParameter(), "filtered above"))), true));
    Mono<ChangeNotice> listened = Flux.from(pg.createStatement(ChangeTriggerDdl.CHANNEL_QUERY)
            .bind(0, quotedTable).execute())
        .flatMap(r -> r.map((row, meta) -> Boolean.TRUE.equals(row.get(1, Boolean.class))
            ? row.get(0, String.class) : ""))
        .next()
        .switchIfEmpty(Mono.error(() -> new InvalidModelException(null, null, "no table "
            + table + " to follow the changes of: push the schema first")))
        .filter(name -> !name.isEmpty())
        .switchIfEmpty(Mono.error(() -> new InvalidModelException(null, null, "table " + table
            + " has no change trigger (" + ChangeTriggerDdl.TRIGGER + "): schema push adds it,"
            + " and so does a migration of the model with changes = true")))
        .flatMap(name -> {
          channel.set(name);
          return Flux.from(pg.createStatement("LISTEN " + name).execute())
              .flatMap(Result::getRowsUpdated).then();
        })
        .then(Mono.fromCallable(() -> {
          listening.set(true);
          return ChangeNotice.mark(mark);
        }));
    Flux<ResumeOrder.Heard> read = listened.flux()
        .concatWith(Flux.defer(() -> from > 0
            ? logged(pg, Objects.requireNonNull(channel.get(), "set before it listens"), from)
            : Flux.empty()))
        .map(n -> new ResumeOrder.Heard(n, false))
        .concatWith(Mono.just(ResumeOrder.CAUGHT_UP));
    ResumeOrder order = new ResumeOrder(from);
    return Flux.merge(heard, read)
        .concatMapIterable(order::next)
        .onErrorResume(e -> {
          if (!listening.get()) {
            return Flux.error(e);
          }
          LOG.warn("the connection listening to the changes of {} was lost ({}): listening "
              + "again", table, e.toString());
          return Flux.empty();
        });
  }

  /**
   * The changes the log holds on {@code channel} after number {@code from}, in order; first a
   * {@link Change.Kind#GAP} where the log was trimmed past it ({@link ChangeTriggerDdl#TRIM}).
   */
  private Flux<ChangeNotice> logged(PostgresqlConnection pg, String channel, long from) {
    Flux<ChangeNotice> trimmed = Flux.from(pg.createStatement("SELECT trimmed_to FROM "
            + ChangeTriggerDdl.TRIM).execute())
        .flatMap(r -> r.map((row, meta) -> row.get(0, Long.class)))
        .filter(upTo -> upTo > from)
        .map(upTo -> ChangeNotice.mark(Change.Kind.GAP));
    Flux<ChangeNotice> rows = Flux.defer(() -> Flux.from(pg.createStatement("SELECT kind, xid,"
            + " seq, key FROM " + ChangeTriggerDdl.LOG + " WHERE channel = $1 AND seq > $2"
            + " ORDER BY seq").bind(0, channel).bind(1, from).execute()))
        .flatMap(r -> r.map((row, meta) -> row.get(0, String.class) + " "
            + row.get(1, Long.class) + " " + row.get(2, Long.class) + row.get(3, String.class)))
        .map(payload -> notice(ChangePayload.parse(payload)));
    return trimmed.concatWith(rows);
  }

  /** The PostgreSQL connection {@code connection} is, or wraps (a factory's session wrapper). */
  private static @Nullable PostgresqlConnection postgres(Connection connection) {
    Object c = connection;
    for (int depth = 0; depth < 8 && c != null; depth++) {
      if (c instanceof PostgresqlConnection pg) {
        return pg;
      }
      c = c instanceof Wrapped<?> wrapped ? wrapped.unwrap() : null;
    }
    return null;
  }

  private ChangeNotice notice(ChangePayload payload) {
    return new ChangeNotice(payload.kind(), payload.keyValues(keyTypes), payload.token());
  }

  private Mono<Void> unlisten(Connection connection) {
    return Flux.from(connection.createStatement("UNLISTEN *").execute())
        .flatMap(Result::getRowsUpdated).then()
        .onErrorResume(e -> Mono.empty())
        .then(close(connection));
  }

  private static Mono<Void> close(Connection connection) {
    return Mono.from(connection.close()).onErrorResume(e -> Mono.empty());
  }
}
