package io.toasty.tck.scenarios;

/** Runs {@link RelationFilterScenarios} on this build's backends. */
class RelationFilterTest extends RelationFilterScenarios {}
