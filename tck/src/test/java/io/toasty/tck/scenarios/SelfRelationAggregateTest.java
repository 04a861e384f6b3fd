package io.toasty.tck.scenarios;

/** Runs {@link SelfRelationAggregateScenarios} on this build's backends. */
class SelfRelationAggregateTest extends SelfRelationAggregateScenarios {}
