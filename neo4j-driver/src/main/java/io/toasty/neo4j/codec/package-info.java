/** Values to and from Neo4j's: query parameters and the values records are read from. */
@NullMarked
package io.toasty.neo4j.codec;

import org.jspecify.annotations.NullMarked;
