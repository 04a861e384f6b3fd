package io.toasty.example.blog;

import io.toasty.migrate.MigrationGenerator;
import io.toasty.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes the blog's next migration when its models changed, into the folder the service reads
 * at start-up ({@code toasty.schema=migrate}, {@code classpath:db/migration}):
 * {@code mvn -q -pl examples/webflux-blog exec:java@migrations -Dexec.args="add post summary"}
 * from the repository's root after a build. {@code MigrationsUpToDateTest} fails the build when
 * a model changed and no migration was written.
 */
public final class BlogMigrations {
  /** The migrations, packaged in the service's jar. */
  static final Path FOLDER = Path.of("src/main/resources/db/migration");

  private BlogMigrations() {}

  // snippet: blog-migrations
  /** The next migration's version, or empty when the models have not changed since the last. */
  static Optional<Integer> writeNext(Path folder, String description) {
    Schema models = Schema.of(List.of(Users.MODEL.schema(), Posts.MODEL.schema(),
        Comments.MODEL.schema(), Tags.MODEL.schema(), Taggings.MODEL.schema()));
    return MigrationGenerator.of(folder).generate(models, description);
  }
  // end-snippet

  /** Writes the next migration, described by the arguments, from the module's folder. */
  public static void main(String[] args) {
    String description = args.length == 0 ? "change" : String.join(" ", args);
    Optional<Integer> version = writeNext(FOLDER, description);
    System.out.println(version.map(v -> "wrote V" + v + " in " + FOLDER.toAbsolutePath())
        .orElse("the models have not changed since the last migration"));
  }
}
