package io.toasty.tck.scenarios;

/** Runs {@link JsonFieldScenarios} on this build's backends. */
class JsonFieldTest extends JsonFieldScenarios {}
