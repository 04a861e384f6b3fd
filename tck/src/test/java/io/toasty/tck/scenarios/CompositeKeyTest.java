package io.toasty.tck.scenarios;

/** Runs {@link CompositeKeyScenarios} on this build's backends. */
class CompositeKeyTest extends CompositeKeyScenarios {}
