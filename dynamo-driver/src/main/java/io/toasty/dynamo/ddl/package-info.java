/** Creating and deleting the DynamoDB tables of a schema. */
package io.toasty.dynamo.ddl;
