package io.toasty;

import io.toasty.stmt.ExprNode;
import java.util.Objects;

/**
 * A relation of a model to itself followed {@code min} to {@code max} times: one step of a
 * {@link PathQuery}, made by {@link RelationPath#repeat(int, int)}
 * ({@code Persons.FOLLOWING.repeat(1, 3)}).
 *
 * @param relation the relation each hop follows
 * @param min      the fewest hops of a path answered (0 answers the start records too)
 * @param max      the most hops a path may have; a path also ends where it would revisit a record
 * @param links    which links a hop may follow: a condition on the fields of the relation's join
 *                 model (a relationship's properties on Neo4j), {@link ExprNode#TRUE} for any
 * @param <M>      the model, at both ends of the relation
 * @param <T>      the relation's target model (the same as {@code M} for a path)
 */
public record Repeat<M, T>(RelationPath<M, T> relation, int min, int max, ExprNode links) {
  public Repeat {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(links, "links");
  }

  /**
   * This repeat following only links that match {@code condition}, a condition on the fields
   * of the relation's join model ({@code Follows.SINCE.lt(2020)}): on Neo4j the properties of
   * the relationship the join model is stored as.
   */
  public Repeat<M, T> links(Expr<Boolean> condition) {
    Objects.requireNonNull(condition, "condition");
    return new Repeat<>(relation, min, max, condition.node());
  }
}
