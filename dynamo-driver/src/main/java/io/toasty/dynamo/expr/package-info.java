/** DynamoDB condition, key condition and update expressions, and the checks the driver makes itself. */
package io.toasty.dynamo.expr;
