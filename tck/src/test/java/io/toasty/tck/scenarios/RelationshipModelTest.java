package io.toasty.tck.scenarios;

/** Runs {@link RelationshipModelScenarios} on this build's backends. */
class RelationshipModelTest extends RelationshipModelScenarios {}
