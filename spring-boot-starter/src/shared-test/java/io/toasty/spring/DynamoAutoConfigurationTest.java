package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.reactive.Db;
import io.toasty.spring.app.Note;
import io.toasty.spring.app.NoteRepository;
import io.toasty.spring.app.Notes;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** The Db on DynamoDB, from toasty.url=dynamodb:... and from a DynamoDbAsyncClient bean. */
class DynamoAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(Boot.R2DBC,
          ToastyConnectionFactoryAutoConfiguration.class, ToastyDynamoAutoConfiguration.class,
          ToastyAutoConfiguration.class, ToastyHealthAutoConfiguration.class));

  @Test
  void aDynamoUrlMakesTheDbOnDynamoDb() throws Exception {
    String url = "dynamodb:local?endpoint=" + LocalDynamo.endpoint() + "&tablePrefix="
        + Backend.randomName() + "_";
    runner.withPropertyValues("toasty.url=" + url, "toasty.schema=push")
        .run(context -> {
          // Boot's own embedded H2 factory is there (r2dbc-h2 is on this test class path), unused
          assertThat(context).hasNotFailed().hasSingleBean(Db.class);
          Db db = context.getBean(Db.class);
          assertThat(db.capability().backend()).isEqualTo("dynamodb");
          Note n = Notes.create().text("on dynamo").exec(db).block();
          assertThat(Notes.getById(db, n.id()).block()).isEqualTo(n);
          NoteRepository notes = context.getBean(NoteRepository.class);
          assertThat(notes.findById(n.id()).block()).isEqualTo(n);
          assertThat(context.getBean(ToastyHealthIndicator.class).health().block().getStatus()
              .getCode()).isEqualTo("UP");
        });
  }

  @Test
  void theApplicationsClientWithATablePrefixAndTheClientLeftOpen() throws Exception {
    DynamoDbAsyncClient client = DynamoDbAsyncClient.builder()
        .endpointOverride(URI.create(LocalDynamo.endpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("local", "local")))
        .build();
    String prefix = Backend.randomName() + "_";
    // destroy method "": the client stays the test's, as an application's would outlive a Db
    runner.withBean(DynamoDbAsyncClient.class, () -> client, bd -> bd.setDestroyMethodName(""))
        .withPropertyValues("toasty.dynamo.table-prefix=" + prefix, "toasty.schema=push")
        .run(context -> {
          assertThat(context).hasNotFailed();
          Db db = context.getBean(Db.class);
          Notes.create().text("mine").exec(db).block();
          assertThat(Notes.all().stream(db).map(Note::text).collectList().block())
              .containsExactly("mine");
        });
    // the context closed its Db; the client is the application's and still answers
    assertThat(client.listTables().join().tableNames())
        .anyMatch(t -> t.startsWith(prefix));
    client.close();
  }

  @Test
  void anR2dbcUrlWinsOverAClientBean() {
    DynamoDbAsyncClient client = DynamoDbAsyncClient.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("local", "local")))
        .build();
    runner.withBean(DynamoDbAsyncClient.class, () -> client)
        .withPropertyValues("toasty.url=r2dbc:h2:mem:///" + Backend.randomName()
            + "?options=DB_CLOSE_DELAY=-1")
        .run(context -> assertThat(context.getBean(Db.class).capability().backend())
            .isEqualTo("h2"));
    client.close();
  }

  @Test
  void aBadDynamoUrlIsExplained() {
    runner.withPropertyValues("toasty.url=dynamodb:nowhere")
        .run(context -> {
          assertThat(context).hasFailed();
          Throwable root = context.getStartupFailure();
          while (root.getCause() != null && !(root instanceof ToastyConfigurationException)) {
            root = root.getCause();
          }
          assertThat(root).isInstanceOf(ToastyConfigurationException.class);
          assertThat(((ToastyConfigurationException) root).problem())
              .isEqualTo(ToastyConfigurationException.Problem.UNKNOWN_URL);
          assertThat(root.getMessage()).contains("dynamodb:nowhere");
        });
  }

}
