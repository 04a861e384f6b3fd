/** Neo4j's failures translated to Toasty's typed errors. */
@NullMarked
package io.toasty.neo4j.error;

import org.jspecify.annotations.NullMarked;
