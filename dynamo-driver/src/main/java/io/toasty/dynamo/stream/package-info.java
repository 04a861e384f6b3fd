/** Change streams on DynamoDB Streams: a table's shards read as a model's change notices. */
@NullMarked
package io.toasty.dynamo.stream;

import org.jspecify.annotations.NullMarked;
