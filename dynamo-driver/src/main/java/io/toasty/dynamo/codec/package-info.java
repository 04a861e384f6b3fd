/** Values to and from DynamoDB attribute values. */
@NullMarked
package io.toasty.dynamo.codec;

import org.jspecify.annotations.NullMarked;
