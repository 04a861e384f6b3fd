package io.toasty.tck.scenarios;

/** Runs {@link QueryOperatorScenarios} on this build's backends. */
class QueryOperatorTest extends QueryOperatorScenarios {}
