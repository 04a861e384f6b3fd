package io.toasty.tck.scenarios;

/** Runs {@link QueryConstraintScenarios} on this build's backends. */
class QueryConstraintTest extends QueryConstraintScenarios {}
