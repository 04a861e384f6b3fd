package io.toasty.tck.scenarios;

/** Runs {@link HasManyScenarios} on this build's backends. */
class HasManyTest extends HasManyScenarios {}
