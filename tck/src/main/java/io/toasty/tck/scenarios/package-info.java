/**
 * The scenarios, one class per family. Each is abstract: a build runs them by extending them in
 * its tests ({@code class CrudTest extends CrudScenarios {}}), once per backend.
 */
package io.toasty.tck.scenarios;
