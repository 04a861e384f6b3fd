package io.toasty.tck.scenarios;

/** Runs {@link RelationAggregateScenarios} on this build's backends. */
class RelationAggregateTest extends RelationAggregateScenarios {}
