package io.toasty.tck.scenarios;

/** Runs {@link NestedCreateScenarios} on this build's backends. */
class NestedCreateTest extends NestedCreateScenarios {}
