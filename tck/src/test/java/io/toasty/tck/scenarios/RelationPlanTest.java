package io.toasty.tck.scenarios;

/** Runs {@link RelationPlanScenarios} on this build's backends. */
class RelationPlanTest extends RelationPlanScenarios {}
