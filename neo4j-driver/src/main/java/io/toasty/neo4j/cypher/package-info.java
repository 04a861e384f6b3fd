/** Renders the engine's statements to Cypher, with the parameters they bind. */
@NullMarked
package io.toasty.neo4j.cypher;

import org.jspecify.annotations.NullMarked;
