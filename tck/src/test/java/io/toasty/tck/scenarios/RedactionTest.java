package io.toasty.tck.scenarios;

/** Runs {@link RedactionScenarios} on this build's backends. */
class RedactionTest extends RedactionScenarios {}
