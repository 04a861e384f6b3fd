package io.toasty.tck.scenarios;

/** Runs {@link CompositeKeyRelationScenarios} on this build's backends. */
class CompositeKeyRelationTest extends CompositeKeyRelationScenarios {}
