package io.toasty.tck.scenarios;

/** Runs {@link SealedDocumentScenarios} on this build's backends. */
class SealedDocumentTest extends SealedDocumentScenarios {}
