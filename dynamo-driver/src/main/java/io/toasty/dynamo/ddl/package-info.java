/** Creating and deleting the DynamoDB tables of a schema. */
@NullMarked
package io.toasty.dynamo.ddl;

import org.jspecify.annotations.NullMarked;
