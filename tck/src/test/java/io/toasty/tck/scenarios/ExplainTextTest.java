package io.toasty.tck.scenarios;

/** Runs {@link ExplainTextScenarios} on this build's backends. */
class ExplainTextTest extends ExplainTextScenarios {}
