package io.toasty.tck.scenarios;

/** Runs {@link CancelScenarios} on this build's backends. */
class CancelTest extends CancelScenarios {}
