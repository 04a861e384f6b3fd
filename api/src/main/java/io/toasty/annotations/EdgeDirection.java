package io.toasty.annotations;

/**
 * Which way a graph relationship points, seen from the model whose field (or join model) declares
 * it ({@link Relationship#direction()}).
 */
public enum EdgeDirection {
  /** From the declaring model's node to the related one: {@code (this)-[:TYPE]->(other)}. */
  OUTGOING,
  /** From the related node to the declaring model's: {@code (this)<-[:TYPE]-(other)}. */
  INCOMING
}
