package io.toasty.test;

/** {@link BookRepositoryContract} on NEO4J. */
// snippet: testing-neo4j
@ToastyTest(backend = TestBackend.NEO4J, models = Books.class)
class Neo4jBookRepositoryTest extends BookRepositoryContract {}
// end-snippet
