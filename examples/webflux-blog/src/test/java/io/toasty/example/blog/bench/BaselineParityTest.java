package io.toasty.example.blog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.reactive.Db;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The benchmark's two endpoints answer alike page by page, and a short load of 64 concurrent
 * clients on each ends without a failed request (the figures come from {@link PostsLoad}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
    "spring.r2dbc.url=r2dbc:h2:mem:///bench-parity?options=DB_CLOSE_DELAY=-1",
    "toasty.slow-statement-threshold=1h"})
class BaselineParityTest {
  @LocalServerPort int port;
  @Autowired Db db;

  @Test
  void bothEndpointsServeTheSamePagesAndBearLoad() {
    PostsLoad.seed(db, 300);
    WebClient client = WebClient.create("http://127.0.0.1:" + port);
    assertThat(Parity.check(client)).isEqualTo(300);
    for (String endpoint : new String[] {"/posts", "/baseline/posts"}) {
      PostsLoad.Sample sample = PostsLoad.measure(client, endpoint, 64, 1);
      assertThat(sample.errors()).as(endpoint).isZero();
      assertThat(sample.requests()).as(endpoint).isGreaterThanOrEqualTo(64);
    }
  }
}
