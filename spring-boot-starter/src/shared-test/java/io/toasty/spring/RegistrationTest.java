package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

/**
 * The starter's jar registers what Boot looks for: every auto-configuration in
 * {@code AutoConfiguration.imports}, and the failure analyzer in {@code spring.factories}.
 */
class RegistrationTest {
  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void everyAutoConfigurationIsImported() {
    List<String> imported = new ArrayList<>();
    ImportCandidates.load(AutoConfiguration.class, loader).forEach(imported::add);
    assertThat(imported).contains(ToastyConnectionFactoryAutoConfiguration.class.getName(),
        ToastyDynamoAutoConfiguration.class.getName(), ToastyAutoConfiguration.class.getName(),
        ToastyJacksonAutoConfiguration.class.getName(),
        ToastyHealthAutoConfiguration.class.getName(),
        ToastyMetricsAutoConfiguration.class.getName(),
        ToastyWebAutoConfiguration.class.getName(),
        ToastyReplicaWebAutoConfiguration.class.getName());
  }

  @Test
  void theFailureAnalyzerIsRegistered() throws Exception {
    List<String> analyzers = new ArrayList<>();
    for (URL url : Collections.list(loader.getResources("META-INF/spring.factories"))) {
      Properties factories = new Properties();
      try (InputStream in = url.openStream()) {
        factories.load(in);
      }
      String names = factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer");
      if (names != null) {
        for (String name : names.split(",")) {
          analyzers.add(name.strip());
        }
      }
    }
    assertThat(analyzers).contains(ToastyFailureAnalyzer.class.getName());
  }
}
