package io.toasty.tck.scenarios;

/** Runs {@link ErrorScenarios} on this build's backends. */
class ErrorTest extends ErrorScenarios {}
