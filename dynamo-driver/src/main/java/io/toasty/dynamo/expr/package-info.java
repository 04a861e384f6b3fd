/** DynamoDB condition, key condition and update expressions, and the checks the driver makes itself. */
@NullMarked
package io.toasty.dynamo.expr;

import org.jspecify.annotations.NullMarked;
