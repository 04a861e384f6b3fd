package io.toasty.test;

/** {@link BookRepositoryContract} on SQLITE. */
// snippet: testing-sqlite
@ToastyTest(backend = TestBackend.SQLITE, models = Books.class)
class SqliteBookRepositoryTest extends BookRepositoryContract {}
// end-snippet
