package io.toasty.tck.scenarios;

/** Runs {@link DefaultValueScenarios} on this build's backends. */
class DefaultValueTest extends DefaultValueScenarios {}
