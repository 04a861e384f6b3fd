package io.toasty.tck.scenarios;

/** Runs {@link CrudScenarios} on this build's backends. */
class CrudTest extends CrudScenarios {}
