/**
 * The app side of the schema: models, their fields, indexes and relations as the Java code
 * declares them.
 */
@NullMarked
package io.toasty.schema.app;

import org.jspecify.annotations.NullMarked;
