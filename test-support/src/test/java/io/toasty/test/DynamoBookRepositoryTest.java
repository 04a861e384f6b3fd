package io.toasty.test;

/** {@link BookRepositoryContract} on DYNAMODB. */
// snippet: testing-dynamo
@ToastyTest(backend = TestBackend.DYNAMODB, models = Books.class)
class DynamoBookRepositoryTest extends BookRepositoryContract {}
// end-snippet
