package io.toasty.tck.scenarios;

/** Runs {@link PreloadScenarios} on this build's backends. */
class PreloadTest extends PreloadScenarios {}
