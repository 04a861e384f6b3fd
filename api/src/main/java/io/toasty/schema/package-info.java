/**
 * The schema: the app models, the database tables and the mapping between them, built by {@link
 * io.toasty.schema.SchemaBuilder} from the generated model definitions.
 */
@NullMarked
package io.toasty.schema;

import org.jspecify.annotations.NullMarked;
