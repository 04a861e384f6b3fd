package io.toasty.reactive.internal.route;

import io.toasty.Executor;
import io.toasty.planner.path.ModelEdge;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.PathNode;
import io.toasty.stmt.Query;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A path query run as the engine's own reads, one hop at a time, where the backend has none in
 * one request ({@code Capability.pathQueries()} false: DynamoDB): the start records by their
 * filter; then per hop the links leaving the records the paths end at ({@code from IN keys}, on
 * the join model or the model itself), and the records they reach by key; and, where the query
 * filters the records reached, which of them match. Each is an ordinary query of the executor
 * (a {@code Db}, or a transaction, whose own writes it sees), so it uses the key or index a
 * query would and is scoped as a query would be. Paths never visit a record twice and are
 * answered shortest first, as in one request (the TCK's {@code PathQueryScenarios}).
 */
public final class SteppedPath {
  private final PathNode path;
  private final ModelSchema model;
  private final ModelEdge edge;
  private final Executor executor;
  /**
   * Every record read so far, by key: concurrent, as a level's answers are read while the next
   * level's links are.
   */
  private final Map<List<Value>, Value.Record> records = new ConcurrentHashMap<>();
  /** Records answered so far (each once, for DISTINCT and SHORTEST). */
  private final Set<List<Value>> answered = new HashSet<>();

  private SteppedPath(PathNode path, Schema schema, Executor executor) {
    this.path = path;
    this.model = schema.model(path.source());
    this.edge = ModelEdge.of(path, schema);
    this.executor = executor;
  }

  /**
   * The rows of {@code path} (a model-level path query) read through {@code executor}: the
   * model's fields, then the path's length.
   */
  public static Flux<Value.Record> run(PathNode path, Schema schema, Executor executor) {
    return Flux.defer(() -> new SteppedPath(path, schema, executor).run());
  }

  private Flux<Value.Record> run() {
    Flux<Value.Record> rows = read(model.name(), visitable(path.start()))
        .map(starts -> {
          List<List<List<Value>>> paths = new ArrayList<>();
          for (Value.Record r : starts) {
            List<Value> key = key(r, model.primaryKey());
            records.put(key, r);
            paths.add(List.of(key));
          }
          return new Level(0, paths);
        })
        .expand(level -> level.length() == path.max() || level.paths().isEmpty()
            ? Mono.empty() : next(level))
        .concatMap(this::answers);
    return path.mode() == PathNode.Mode.SHORTEST ? rows.take(1) : rows;
  }

  /** The paths of one length, each the keys of its records from the start. */
  private record Level(int length, List<List<List<Value>>> paths) {}

  /** The paths one hop longer than {@code level}'s, none visiting a record twice. */
  private Mono<Level> next(Level level) {
    Set<List<Value>> ends = new LinkedHashSet<>();
    level.paths().forEach(p -> ends.add(p.get(p.size() - 1)));
    return links(ends).flatMap(out -> reach(out).thenReturn(out)).map(out -> {
      List<List<List<Value>>> longer = new ArrayList<>();
      for (List<List<Value>> p : level.paths()) {
        for (List<Value> to : out.getOrDefault(p.get(p.size() - 1), List.of())) {
          if (!p.contains(to) && records.containsKey(to)) {
            List<List<Value>> q = new ArrayList<>(p);
            q.add(to);
            longer.add(q);
          }
        }
      }
      return new Level(level.length() + 1, longer);
    });
  }

  /** The keys each of {@code ends} links to, through the edge's model. */
  private Mono<Map<List<Value>, List<List<Value>>>> links(Set<List<Value>> ends) {
    boolean own = edge.model().equals(model.name());
    Mono<List<Value.Record>> rows = own && edge.from().equals(model.primaryKey())
        ? Mono.just(ends.stream().map(records::get).toList())
        : read(edge.model(), ExprNode.and(in(edge.model(), edge.from(), ends), edge.links()));
    return rows.map(found -> {
      Map<List<Value>, List<List<Value>>> out = new LinkedHashMap<>();
      for (Value.Record r : found) {
        List<Value> to = key(r, edge.to());
        if (to.stream().anyMatch(Value::isNull)) {
          continue; // an optional foreign key that names no record
        }
        if (own && edge.to().equals(model.primaryKey())) {
          records.put(to, r); // the link is the record it reaches
        }
        out.computeIfAbsent(key(r, edge.from()), k -> new ArrayList<>()).add(to);
      }
      return out;
    });
  }

  /** Reads by key the records {@code out} reaches that no read has brought yet. */
  private Mono<Void> reach(Map<List<Value>, List<List<Value>>> out) {
    Set<List<Value>> unread = new LinkedHashSet<>();
    out.values().forEach(tos -> tos.forEach(k -> {
      if (!records.containsKey(k)) {
        unread.add(k);
      }
    }));
    if (unread.isEmpty()) {
      return Mono.empty();
    }
    return read(model.name(), visitable(in(model.name(), model.primaryKey(), unread)))
        .doOnNext(found -> found.forEach(r -> records.put(key(r, model.primaryKey()), r)))
        .then();
  }

  /** The rows of {@code level} that are answered: long enough, matching, once where asked. */
  private Flux<Value.Record> answers(Level level) {
    if (level.length() < path.min() || level.paths().isEmpty()) {
      return Flux.empty();
    }
    Set<List<Value>> ends = new LinkedHashSet<>();
    level.paths().forEach(p -> ends.add(p.get(p.size() - 1)));
    Mono<Set<List<Value>>> matching = path.reached().equals(ExprNode.TRUE) ? Mono.just(ends)
        : read(model.name(), visitable(ExprNode.and(in(model.name(), model.primaryKey(), ends),
            path.reached()))).map(found -> {
              Set<List<Value>> keys = new HashSet<>();
              found.forEach(r -> keys.add(key(r, model.primaryKey())));
              return keys;
            });
    return matching.flatMapIterable(keys -> {
      List<Value.Record> rows = new ArrayList<>();
      for (List<List<Value>> p : level.paths()) {
        List<Value> end = p.get(p.size() - 1);
        if (keys.contains(end) && (path.mode() == PathNode.Mode.ALL || answered.add(end))) {
          rows.add(row(Objects.requireNonNull(records.get(end), "a path ends at a record read"),
              level.length()));
        }
      }
      return rows;
    });
  }

  /** The model's fields of {@code record}, then {@code length}. */
  private Value.Record row(Value.Record record, int length) {
    int fields = model.fields().size();
    Value[] out = new Value[fields + 1];
    for (int f = 0; f < fields; f++) {
      out[f] = record.get(f);
    }
    out[fields] = new Value.I64(length);
    return Value.Record.adopt(out);
  }

  /**
   * {@code filter} on the path's model, joined with the rows the path may visit
   * ({@code PathNode.nodes}): with {@code PathQuery.withDeleted()} it names the soft-delete marker,
   * so the read's soft-delete phase leaves deleted records in, as the native path does.
   */
  private ExprNode visitable(ExprNode filter) {
    return path.nodes().equals(ExprNode.TRUE) ? filter : ExprNode.and(filter, path.nodes());
  }

  /** The records of {@code of} matching {@code filter}, read in one query. */
  private Mono<List<Value.Record>> read(String of, ExprNode filter) {
    return executor.exec(Query.all(of).withFilter(filter)).map(v -> (Value.Record) v)
        .collectList();
  }

  /**
   * {@code fields IN keys} on {@code of}: one list for a single field, else one conjunction per
   * key. The planner reads a list of keys as its backend reads keys (on DynamoDB
   * {@code BatchGetItem}, 100 keys a request), and of indexed values one index read each.
   */
  private static ExprNode in(String of, List<Integer> fields, Set<List<Value>> keys) {
    if (fields.size() == 1) {
      ExprNode field = new ExprNode.Field(of, fields.get(0));
      return new ExprNode.InList(field, keys.stream()
          .<ExprNode>map(k -> ExprNode.of(k.get(0))).toList());
    }
    List<ExprNode> any = new ArrayList<>();
    for (List<Value> k : keys) {
      List<ExprNode> all = new ArrayList<>();
      for (int i = 0; i < fields.size(); i++) {
        all.add(ExprNode.eq(new ExprNode.Field(of, fields.get(i)), ExprNode.of(k.get(i))));
      }
      any.add(new ExprNode.And(all));
    }
    return new ExprNode.Or(any);
  }

  private static List<Value> key(Value.Record r, List<Integer> fields) {
    List<Value> out = new ArrayList<>(fields.size());
    fields.forEach(f -> out.add(r.get(f)));
    return out;
  }
}
