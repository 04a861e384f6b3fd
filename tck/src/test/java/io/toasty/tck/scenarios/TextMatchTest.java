package io.toasty.tck.scenarios;

/** Runs {@link TextMatchScenarios} on this build's backends. */
class TextMatchTest extends TextMatchScenarios {}
