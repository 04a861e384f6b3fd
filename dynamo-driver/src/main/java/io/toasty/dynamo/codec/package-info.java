/** Values to and from DynamoDB attribute values. */
package io.toasty.dynamo.codec;
