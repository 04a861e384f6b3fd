package io.toasty.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code toasty.url} is set and is not a {@code dynamodb:} URL. */
final class OnR2dbcUrl extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context,
      AnnotatedTypeMetadata metadata) {
    String url = context.getEnvironment().getProperty("toasty.url");
    if (url == null) {
      return ConditionOutcome.noMatch("toasty.url is not set");
    }
    return BackendUrl.isDynamo(url)
        ? ConditionOutcome.noMatch("toasty.url is a DynamoDB URL")
        : ConditionOutcome.match("toasty.url is set");
  }
}
