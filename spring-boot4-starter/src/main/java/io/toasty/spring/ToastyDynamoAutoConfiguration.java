package io.toasty.spring;

import io.toasty.dynamo.DynamoDriver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.context.annotation.Conditional;

/**
 * The {@code Db} on DynamoDB ({@link ToastyDynamoConfiguration}), with
 * {@code toasty-dynamo-driver} on the class path and a {@code dynamodb:} URL or a
 * {@code DynamoDbAsyncClient} bean; before Spring Boot 4's R2DBC auto-configuration.
 */
@AutoConfiguration(before = {ToastyAutoConfiguration.class, R2dbcAutoConfiguration.class})
@ConditionalOnClass(DynamoDriver.class)
@Conditional(OnDynamoDb.class)
@EnableConfigurationProperties(ToastyProperties.class)
public class ToastyDynamoAutoConfiguration extends ToastyDynamoConfiguration {
}
