package io.toasty.tck.scenarios;

/** Runs {@link ConstraintScenarios} on this build's backends. */
class ConstraintTest extends ConstraintScenarios {}
