package io.toasty.tck.scenarios;

/** Runs {@link ReplicaRoutingScenarios} on this build's backends. */
class ReplicaRoutingTest extends ReplicaRoutingScenarios {}
