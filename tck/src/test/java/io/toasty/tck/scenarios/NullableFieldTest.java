package io.toasty.tck.scenarios;

/** Runs {@link NullableFieldScenarios} on this build's backends. */
class NullableFieldTest extends NullableFieldScenarios {}
