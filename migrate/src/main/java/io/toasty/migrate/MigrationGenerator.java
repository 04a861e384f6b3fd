package io.toasty.migrate;

import io.toasty.migrate.diff.Change;
import io.toasty.migrate.diff.SchemaDiff;
import io.toasty.migrate.files.MigrationDirectory;
import io.toasty.migrate.files.Step;
import io.toasty.migrate.render.DynamoRenderer;
import io.toasty.migrate.render.Neo4jRenderer;
import io.toasty.migrate.render.SqlChoices;
import io.toasty.migrate.render.SqlStepRenderer;
import io.toasty.migrate.render.StepRenderer;
import io.toasty.migrate.snapshot.SchemaSnapshot;
import io.toasty.migrate.snapshot.Snapshots;
import io.toasty.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the next migration of a folder: the diff between its last snapshot and the models, as
 * up and undo files for every backend, and the models' snapshot as the new last one.
 *
 * <pre>{@code
 * Optional<Integer> v = MigrationGenerator.of(Path.of("src/main/resources/db/migration"))
 *     .generate(Schema.of(List.of(Users.MODEL.schema())), "add user nickname");
 * }</pre>
 */
public final class MigrationGenerator {
  private final MigrationDirectory directory;
  private final boolean allowDestructive;
  private final List<StepRenderer> renderers;

  private MigrationGenerator(MigrationDirectory directory, boolean allowDestructive,
      List<StepRenderer> renderers) {
    this.directory = directory;
    this.allowDestructive = allowDestructive;
    this.renderers = List.copyOf(renderers);
  }

  /** A generator writing into {@code root} for every backend, refusing destructive steps. */
  public static MigrationGenerator of(Path root) {
    List<StepRenderer> renderers = new ArrayList<>();
    for (SqlChoices choices : SqlChoices.ALL) {
      renderers.add(new SqlStepRenderer(choices));
    }
    renderers.addAll(optionalRenderers());
    return new MigrationGenerator(new MigrationDirectory(root), false, renderers);
  }

  /** This generator, allowed (or not) to write steps that lose data (drops, narrowing types). */
  public MigrationGenerator allowDestructive(boolean allow) {
    return new MigrationGenerator(directory, allow, renderers);
  }

  /** The steps from the folder's last snapshot to {@code schema}, without writing anything. */
  public List<Change> diff(Schema schema) {
    return SchemaDiff.between(directory.snapshot(), Snapshots.of(schema), allowDestructive);
  }

  /**
   * Writes the migration from the last snapshot to {@code schema} as version
   * {@link MigrationDirectory#nextVersion()}, named after {@code description}; empty when the
   * models have not changed.
   *
   * @throws DestructiveChangeException when a step loses data and that was not allowed
   */
  public Optional<Integer> generate(Schema schema, String description) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(description, "description");
    SchemaSnapshot next = Snapshots.of(schema);
    List<Change> up = SchemaDiff.between(directory.snapshot(), next, allowDestructive);
    if (up.isEmpty()) {
      return Optional.empty();
    }
    List<Change> down = SchemaDiff.down(up);
    int version = directory.nextVersion();
    String name = fileName(description);
    for (StepRenderer renderer : renderers) {
      directory.write(renderer.folder(), renderer.format(), version, name,
          "Toasty migration V" + version + ": " + description, steps(renderer, up),
          steps(renderer, down));
    }
    directory.writeSnapshot(spent(next));
    return Optional.of(version);
  }

  private static List<Step> steps(StepRenderer renderer, List<Change> changes) {
    return changes.stream().map(c -> new Step(c.describe(), renderer.render(c))).toList();
  }

  private static SchemaSnapshot spent(SchemaSnapshot s) {
    return new SchemaSnapshot(s.format(), s.tables().stream().map(t ->
        t.withColumns(t.columns().stream().map(c -> c.named(c.name())).toList(),
            t.primaryKey())).toList());
  }

  /** {@code add user nickname} as {@code add_user_nickname}. */
  public static String fileName(String description) {
    String name = description.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_+|_+$", "");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a migration needs a description with letters or "
          + "digits, not '" + description + "'");
    }
    return name;
  }

  /**
   * Renderers of the backends without SQL (DynamoDB: JSON requests; Neo4j: Cypher), which need
   * neither driver.
   */
  private static List<StepRenderer> optionalRenderers() {
    return List.of(new DynamoRenderer(),
        new Neo4jRenderer());
  }
}
