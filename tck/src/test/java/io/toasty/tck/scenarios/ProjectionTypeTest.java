package io.toasty.tck.scenarios;

/** Runs {@link ProjectionTypeScenarios} on this build's backends. */
class ProjectionTypeTest extends ProjectionTypeScenarios {}
