package io.toasty.dynamo;

import io.toasty.driver.Driver;
import io.toasty.driver.DriverConfig;
import io.toasty.driver.DriverProvider;
import java.util.Objects;
import java.util.ServiceLoader;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/**
 * Opens {@link DynamoDriver}s for {@code dynamodb:} URLs (found through
 * {@link ServiceLoader}), each with a {@link DynamoDbAsyncClient} of its own on Netty,
 * closed with the driver. The URL's forms and parameters are those of {@code DynamoUrl}:
 *
 * <pre>
 * dynamodb://?region=eu-west-1                       AWS
 * dynamodb://localhost:8000                          DynamoDB Local (http)
 * dynamodb:local?endpoint=http://127.0.0.1:8123&amp;tablePrefix=test_
 * </pre>
 *
 * <p>Credentials come from {@code accessKeyId}/{@code secretAccessKey} (and
 * {@code sessionToken}) when given, else from the AWS default chain ({@code dynamodb:local}
 * uses the dummy credentials {@code local}/{@code local}). The pool settings of
 * {@code DriverConfig} do not apply: DynamoDB has no connections to pool.
 */
public final class DynamoDriverProvider implements DriverProvider {

  @Override
  public boolean supports(String url) {
    return DynamoUrl.matches(url);
  }

  /**
   * A driver for {@code config.url()}. The client is built here; nothing is sent until the
   * driver is used.
   *
   * @throws IllegalArgumentException when the URL cannot be parsed
   * @throws io.toasty.error.UnsupportedFeatureException when a model cannot be stored in DynamoDB
   */
  @Override
  public Driver open(DriverConfig config) {
    Objects.requireNonNull(config, "config");
    DynamoUrl url = DynamoUrl.parse(config.url());
    DynamoDbAsyncClient client = client(url);
    try {
      return DynamoDriver.builder()
          .client(client)
          .schema(config.schema())
          .tablePrefix(url.tablePrefix())
          .pageSize(url.pageSize())
          .statementTimeout(config.statementTimeout())
          .buildOwning();
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  static DynamoDbAsyncClient client(DynamoUrl url) {
    DynamoDbAsyncClientBuilder b = DynamoDbAsyncClient.builder()
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .credentialsProvider(credentials(url));
    if (url.region() != null) {
      b.region(Region.of(url.region()));
    }
    if (url.endpoint() != null) {
      b.endpointOverride(url.endpoint());
    }
    return b.build();
  }

  private static AwsCredentialsProvider credentials(DynamoUrl url) {
    if (url.accessKeyId() == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(url.sessionToken() == null
        ? AwsBasicCredentials.create(url.accessKeyId(), url.secretAccessKey())
        : AwsSessionCredentials.create(url.accessKeyId(), url.secretAccessKey(),
            url.sessionToken()));
  }
}
