/**
 * The DynamoDB driver: {@link io.toasty.dynamo.DynamoDriverProvider} (found through
 * {@code ServiceLoader}, for {@code dynamodb:} URLs) and {@link io.toasty.dynamo.DynamoDriver}
 * (built over your own {@code DynamoDbAsyncClient}).
 *
 * <p>Each schema table is a DynamoDB table (named {@code <tablePrefix><table>}) whose partition
 * key is the first {@code @Key} field and sort key the second; each {@code @Index} and
 * {@code @Unique} is a global secondary index; each table with unique fields has a companion
 * table {@code <tablePrefix><table>.unique} of uniqueness items, written in the same
 * TransactWriteItems as the record, so that unique values hold even under concurrent writes.
 * NULL is an absent attribute. See {@link io.toasty.dynamo.codec.AttributeCodec} for the type
 * mapping.
 *
 * <p>Internals, one concern per package: {@code table} (tables, keys, indexes), {@code codec}
 * (values and attributes), {@code expr} (condition, key condition and update expressions, with
 * SQL's three-valued logic), {@code op} (a class per operation, named as the operation),
 * {@code ddl} (schema push and reset), {@code error} (typed errors).
 */
@NullMarked
package io.toasty.dynamo;

import org.jspecify.annotations.NullMarked;
