package io.toasty.tck.scenarios;

/** Runs {@link DynamicFilterScenarios} on this build's backends. */
class DynamicFilterTest extends DynamicFilterScenarios {}
