package io.toasty.tck.scenarios;

/** Runs {@link HookScenarios} on this build's backends. */
class HookTest extends HookScenarios {}
