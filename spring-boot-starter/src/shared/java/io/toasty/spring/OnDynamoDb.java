package io.toasty.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code toasty.url} is a {@code dynamodb:} URL, or when it is unset and the
 * application defines a {@code DynamoDbAsyncClient} bean: an R2DBC URL always wins, so adding
 * an AWS client for some other use never moves a SQL application onto DynamoDB.
 */
final class OnDynamoDb extends SpringBootCondition {
  static final String CLIENT = "software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient";

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context,
      AnnotatedTypeMetadata metadata) {
    String url = context.getEnvironment().getProperty("toasty.url");
    if (url != null) {
      return BackendUrl.isDynamo(url)
          ? ConditionOutcome.match("toasty.url is a DynamoDB URL")
          : ConditionOutcome.noMatch("toasty.url is not a DynamoDB URL");
    }
    var beans = context.getBeanFactory();
    if (beans != null && beans.getBeanNamesForType(clientClass(context), false, false).length > 0) {
      return ConditionOutcome.match("a DynamoDbAsyncClient bean and no toasty.url");
    }
    return ConditionOutcome.noMatch("no toasty.url and no DynamoDbAsyncClient bean");
  }

  private static Class<?> clientClass(ConditionContext context) {
    try {
      return Class.forName(CLIENT, false, context.getClassLoader());
    } catch (ClassNotFoundException e) {
      return Void.class;
    }
  }
}
