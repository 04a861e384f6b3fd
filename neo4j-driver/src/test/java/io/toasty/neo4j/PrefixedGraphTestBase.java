package io.toasty.neo4j;

import io.toasty.ModelDef;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.schema.naming.NamingStrategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;

/**
 * A test's models on the local server under a fresh label prefix for each test, named as
 * declared (the raw Cypher of these tests names labels so: films, handles; the graph default
 * naming is the TCK's RelationshipModelTest), and raw Cypher through the Neo4j driver to read
 * the graph they write.
 */
abstract class PrefixedGraphTestBase {
  static final Duration T = Duration.ofSeconds(60);
  String prefix;
  Db db;

  /** The models the test writes. */
  abstract List<ModelDef<?>> models();

  @BeforeEach
  void open() {
    String url = LocalNeo4j.url();
    prefix = url.substring(url.indexOf("labelPrefix=") + "labelPrefix=".length());
    db = Toasty.builder().url(url).models(models()).poolMaxSize(4)
        .naming(NamingStrategy.declared()).build();
    db.schema().reset().block(Duration.ofMinutes(5));
  }

  @AfterEach
  void close() {
    db.close().block(T);
  }

  /** Runs {@code text}, each {@code $L} in it the label prefix, and returns its records. */
  List<Record> cypher(String text) {
    try (Driver raw = GraphDatabase.driver(LocalNeo4j.bolt(), AuthTokens.none());
        var session = raw.session()) {
      return session.run(text.replace("$L", prefix)).list();
    }
  }
}
