package io.toasty.tck.scenarios;

/** Runs {@link UpdateExpressionScenarios} on this build's backends. */
class UpdateExpressionTest extends UpdateExpressionScenarios {}
