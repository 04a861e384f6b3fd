package io.toasty.tck.scenarios;

/** Runs {@link DeferredFieldScenarios} on this build's backends. */
class DeferredFieldTest extends DeferredFieldScenarios {}
