/**
 * The models the scenarios use. The annotation processor generates their entry classes
 * ({@code Users}, {@code AllTypesRows}, ...) beside them.
 */
package io.toasty.tck.models;
