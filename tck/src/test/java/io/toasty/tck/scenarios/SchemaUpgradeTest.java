package io.toasty.tck.scenarios;

/** Runs {@link SchemaUpgradeScenarios} on this build's backends. */
class SchemaUpgradeTest extends SchemaUpgradeScenarios {}
