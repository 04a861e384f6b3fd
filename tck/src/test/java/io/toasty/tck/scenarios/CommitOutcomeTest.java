package io.toasty.tck.scenarios;

/** Runs {@link CommitOutcomeScenarios} on this build's backends. */
class CommitOutcomeTest extends CommitOutcomeScenarios {}
