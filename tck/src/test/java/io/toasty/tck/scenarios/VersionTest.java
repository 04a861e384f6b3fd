package io.toasty.tck.scenarios;

/** Runs {@link VersionScenarios} on this build's backends. */
class VersionTest extends VersionScenarios {}
