package io.toasty.tck.scenarios;

/** Runs {@link NestedCreateResultScenarios} on this build's backends. */
class NestedCreateResultTest extends NestedCreateResultScenarios {}
