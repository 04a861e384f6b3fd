package io.toasty.example.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations the service applies at start-up are those of its models: generating again
 * from a copy of src/main/resources/db/migration writes nothing. A model changed without a new
 * migration fails here, with the command that writes it.
 */
class MigrationsUpToDateTest {

  @Test
  void theMigrationsMatchTheModels(@TempDir Path copy) throws IOException {
    assertThat(BlogMigrations.FOLDER.resolve("postgresql")).isDirectory();
    assertThat(BlogMigrations.FOLDER.resolve("h2")).isDirectory();
    try (Stream<Path> files = Files.walk(BlogMigrations.FOLDER)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = copy.resolve(BlogMigrations.FOLDER.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
    assertThat(BlogMigrations.writeNext(copy, "check"))
        .as("a model changed: write its migration with mvn -q -pl examples/webflux-blog "
            + "exec:java@migrations -Dexec.args=\"what changed\"")
        .isEmpty();
  }
}
