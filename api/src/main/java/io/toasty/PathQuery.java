package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.stmt.DeletedRows;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.PathNode;
import io.toasty.value.Value;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A path query: from the records of a model that match a condition, follow a relation of the
 * model to itself a bounded number of times, and answer the records reached, each with the length
 * of its path. On Neo4j it is one Cypher pattern ({@code (s)-[:FOLLOWS*1..3]->(n)},
 * {@code shortestPath(..)}); on the SQL databases one recursive CTE. A path never visits a record
 * twice, so a cycle ends it, and the upper bound always applies. On DynamoDB, which has no such
 * request, the engine reads it hop by hop (the links by index, the records reached by key).
 * Immutable; nothing runs until
 * subscription, and every error is a signal.
 *
 * <pre>{@code
 * // everyone ann follows, and whom they follow, up to three hops away, each once
 * Flux<Reached<Person>> near = PathQuery.from(Persons.MODEL, Persons.NAME.eq("ann"))
 *     .along(Persons.FOLLOWING.repeat(1, 3))
 *     .where(Persons.CITY.eq("Oslo"))
 *     .distinct()
 *     .reached(db);
 * // how many hops from ann to eve: empty when eve cannot be reached within six
 * Mono<Reached<Person>> hops = PathQuery.from(Persons.MODEL, Persons.NAME.eq("ann"))
 *     .along(Persons.FOLLOWING.repeat(1, 6))
 *     .shortestTo(Persons.NAME.eq("eve"), db);
 * }</pre>
 *
 * @param <M> the model at every step of the path
 */
public final class PathQuery<M> {
  private final ModelDef<M> model;
  private final ExprNode start;
  private final @Nullable Repeat<M, M> step;
  private final ExprNode reached;
  private final boolean distinct;
  /** Which records a path may visit: every one ({@code TRUE}), else the live ones. */
  private final ExprNode nodes;

  private PathQuery(ModelDef<M> model, ExprNode start, @Nullable Repeat<M, M> step,
      ExprNode reached, boolean distinct, ExprNode nodes) {
    this.model = model;
    this.start = start;
    this.step = step;
    this.reached = reached;
    this.distinct = distinct;
    this.nodes = nodes;
  }

  /** Paths from the records of {@code model} that match {@code start}. */
  public static <M> PathQuery<M> from(ModelDef<M> model, Expr<Boolean> start) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(start, "start");
    return new PathQuery<>(model, start.node(), null, ExprNode.TRUE, false, ExprNode.TRUE);
  }

  /** This query following {@code repeat}: a relation of the model to itself, with its bounds. */
  public PathQuery<M> along(Repeat<M, M> repeat) {
    Objects.requireNonNull(repeat, "repeat");
    return new PathQuery<>(model, start, repeat, reached, distinct, nodes);
  }

  /** This query answering only the records reached that match {@code condition}. */
  public PathQuery<M> where(Expr<Boolean> condition) {
    Objects.requireNonNull(condition, "condition");
    return new PathQuery<>(model, start, step, condition.node(), distinct, nodes);
  }

  /**
   * This query answering each record reached once, with the length of its shortest path; without
   * it every path is answered, so a record two paths reach comes twice.
   */
  public PathQuery<M> distinct() {
    return new PathQuery<>(model, start, step, reached, true, nodes);
  }

  /**
   * This query of a {@code @SoftDelete} model through its deleted records too: a path otherwise
   * starts at, passes through and reaches live records only. Throws {@link
   * InvalidStatementException} for a model without {@code @SoftDelete}.
   */
  public PathQuery<M> withDeleted() {
    DeletedRows marker = DeletedRows.of(model.schema());
    if (marker == null) {
      throw new InvalidStatementException(model.name(), null, "withDeleted() needs a model "
          + "with a @SoftDelete field");
    }
    return new PathQuery<>(model, start, step, reached, distinct, marker.either());
  }

  /** The records reached, each with the length of its path. */
  public Flux<Reached<M>> reached(Executor executor) {
    return run(executor, distinct ? PathNode.Mode.DISTINCT : PathNode.Mode.ALL, reached);
  }

  /** The records reached, without their paths' lengths. */
  public Flux<M> stream(Executor executor) {
    return reached(executor).map(Reached::record);
  }

  /**
   * The record matching {@code target} that the fewest hops reach, with that number: the
   * shortest path's length; empty when none is reachable within the bound. A target that several
   * records match answers one of the nearest.
   */
  public Mono<Reached<M>> shortestTo(Expr<Boolean> target, Executor executor) {
    Objects.requireNonNull(target, "target");
    return run(executor, PathNode.Mode.SHORTEST, target.node()).next();
  }

  /** The model-level statement for {@code mode}, as the planner's path pass receives it. */
  public PathNode untyped(PathNode.Mode mode) {
    Objects.requireNonNull(mode, "mode");
    if (step == null) {
      throw new IllegalStateException("a path query of " + model.name()
          + " needs a relation to follow: call along(..)");
    }
    return new PathNode(model.name(), start, new PathNode.Hop.Relation(model.name(),
        step.relation().index(), step.links()), step.min(), step.max(), reached, mode, nodes);
  }

  private Flux<Reached<M>> run(Executor executor, PathNode.Mode mode, ExprNode filter) {
    Objects.requireNonNull(executor, "executor");
    return Flux.defer(() -> {
      PathNode node = new PathQuery<>(model, start, step, filter, distinct, nodes)
          .untyped(mode);
      int fields = model.schema().fields().size();
      return executor.execPath(node).map(row -> {
        Value[] values = row.fields().toArray(new Value[0]);
        M record = model.load(Value.Record.adopt(Arrays.copyOf(values, fields)));
        return new Reached<>(record, (int) ((Value.I64) values[values.length - 1]).value());
      });
    });
  }
}
