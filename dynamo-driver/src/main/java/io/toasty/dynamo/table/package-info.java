/** How schema tables map to DynamoDB tables, attributes, indexes and uniqueness items. */
package io.toasty.dynamo.table;
