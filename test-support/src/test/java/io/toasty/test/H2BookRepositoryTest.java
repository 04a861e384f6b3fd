package io.toasty.test;

/** {@link BookRepositoryContract} on H2. */
// snippet: testing-h2
@ToastyTest(backend = TestBackend.H2, models = Books.class)
class H2BookRepositoryTest extends BookRepositoryContract {}
// end-snippet
