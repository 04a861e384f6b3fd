/** How schema tables map to DynamoDB tables, attributes, indexes and uniqueness items. */
@NullMarked
package io.toasty.dynamo.table;

import org.jspecify.annotations.NullMarked;
