/**
 * The path pass: a path query ({@code io.toasty.stmt.PathNode}) checked against the schema and
 * the capability, its relation turned into an edge between rows of one table, and explained.
 */
@NullMarked
package io.toasty.planner.path;

import org.jspecify.annotations.NullMarked;
