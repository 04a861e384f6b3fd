package io.toasty.tck.scenarios;

/** Runs {@link PolymorphicModelScenarios} on this build's backends. */
class PolymorphicModelTest extends PolymorphicModelScenarios {}
