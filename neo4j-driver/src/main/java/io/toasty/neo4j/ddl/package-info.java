/**
 * Schema push on Neo4j: the constraints and indexes a schema needs, and what an existing graph
 * lacks of them.
 */
@NullMarked
package io.toasty.neo4j.ddl;

import org.jspecify.annotations.NullMarked;
