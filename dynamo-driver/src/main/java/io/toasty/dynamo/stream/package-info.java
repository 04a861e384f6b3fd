/** Change streams on DynamoDB Streams: a table's shards read as a model's change notices. */
package io.toasty.dynamo.stream;
