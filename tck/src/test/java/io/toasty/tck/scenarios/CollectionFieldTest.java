package io.toasty.tck.scenarios;

/** Runs {@link CollectionFieldScenarios} on this build's backends. */
class CollectionFieldTest extends CollectionFieldScenarios {}
