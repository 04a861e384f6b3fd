/**
 * A migration's steps written per backend ({@link io.toasty.migrate.render.StepRenderer}): SQL
 * through the DDL tree schema push also renders, Cypher for Neo4j, JSON requests for DynamoDB.
 */
@NullMarked
package io.toasty.migrate.render;

import org.jspecify.annotations.NullMarked;
