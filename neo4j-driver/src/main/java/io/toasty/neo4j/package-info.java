/**
 * The Neo4j driver: connections over the Neo4j Java driver, the backend's capability and its URL.
 */
@NullMarked
package io.toasty.neo4j;

import org.jspecify.annotations.NullMarked;
