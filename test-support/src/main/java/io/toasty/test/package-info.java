/**
 * Test support for applications built on Toasty: {@link io.toasty.test.ToastyTest} hands each
 * test class a {@link io.toasty.reactive.Db} of its own on H2, SQLite, DynamoDB Local or Neo4j in
 * the test JVM; {@link io.toasty.test.ToastyTestDatabases} does the same without JUnit. See
 * docs/testing.md.
 */
@NullMarked
package io.toasty.test;

import org.jspecify.annotations.NullMarked;
