package io.toasty.tck.scenarios;

/** Runs {@link PolymorphicRelationScenarios} on this build's backends. */
class PolymorphicRelationTest extends PolymorphicRelationScenarios {}
