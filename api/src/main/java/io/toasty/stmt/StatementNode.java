package io.toasty.stmt;

/**
 * An untyped statement: plain data that the typed builders produce and the planner transforms.
 *
 * <p>At model level, sources name models and expressions name fields; after lowering, sources name
 * tables and expressions name columns. Values appear as {@link ExprNode.Const} in what users build
 * and as {@link ExprNode.Arg} slots in a cached plan's shape.
 */
public sealed interface StatementNode permits Query, InsertNode, UpdateNode, DeleteNode {

  /** What the statement reads from or writes to. */
  Source source();

  /** What the statement evaluates to. */
  Returning returning();
}
