package io.toasty.tck.scenarios;

/** Runs {@link FieldTypeScenarios} on this build's backends. */
class FieldTypeTest extends FieldTypeScenarios {}
