package io.toasty.dynamo;

import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClientBuilder;

/** DynamoDB Streams clients made to reach the same service as a DynamoDB client. */
final class StreamsClients {
  private StreamsClients() {}

  /** A streams client on Netty with {@code client}'s region, endpoint and credentials. */
  static DynamoDbStreamsAsyncClient like(DynamoDbAsyncClient client) {
    DynamoDbServiceClientConfiguration config = client.serviceClientConfiguration();
    DynamoDbStreamsAsyncClientBuilder b = DynamoDbStreamsAsyncClient.builder()
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .region(config.region())
        .credentialsProvider(config.credentialsProvider());
    config.endpointOverride().ifPresent(b::endpointOverride);
    return b.build();
  }
}
