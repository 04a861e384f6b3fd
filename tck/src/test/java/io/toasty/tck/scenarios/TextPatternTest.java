package io.toasty.tck.scenarios;

/** Runs {@link TextPatternScenarios} on this build's backends. */
class TextPatternTest extends TextPatternScenarios {}
