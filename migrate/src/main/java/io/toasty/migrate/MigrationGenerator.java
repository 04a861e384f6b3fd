package io.toasty.migrate;

import io.toasty.migrate.diff.SchemaChange;
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
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.naming.NamingStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes the next migration of a folder: the diff between its last snapshot and the models, as
 * up and undo files for every backend, and the models' snapshot as the new last one.
 *
 * <p>Each backend's files name the tables and columns the models did not name as that backend's
 * {@code Db} does by default ({@link StepRenderer#naming()}: labels after the record and
 * camel-case properties on Neo4j, snake case elsewhere), unless {@link #naming} chooses one
 * strategy for all, as the application's {@code DbBuilder.naming} does. A backend named otherwise
 * than the models derive keeps its own snapshot, in its folder.
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
  private final @Nullable NamingStrategy naming;

  private MigrationGenerator(MigrationDirectory directory, boolean allowDestructive,
      List<StepRenderer> renderers, @Nullable NamingStrategy naming) {
    this.directory = directory;
    this.allowDestructive = allowDestructive;
    this.renderers = List.copyOf(renderers);
    this.naming = naming;
  }

  /** A generator writing into {@code root} for every backend, refusing destructive steps. */
  public static MigrationGenerator of(Path root) {
    List<StepRenderer> renderers = new ArrayList<>();
    for (SqlChoices choices : SqlChoices.ALL) {
      renderers.add(new SqlStepRenderer(choices));
    }
    renderers.addAll(optionalRenderers());
    return new MigrationGenerator(new MigrationDirectory(root), false, renderers, null);
  }

  /** This generator, allowed (or not) to write steps that lose data (drops, narrowing types). */
  public MigrationGenerator allowDestructive(boolean allow) {
    return new MigrationGenerator(directory, allow, renderers, naming);
  }

  /**
   * This generator naming every backend's tables and columns with {@code strategy}, as a
   * {@code Db} given {@code DbBuilder.naming(strategy)} names them, instead of each backend's
   * default. Give the generator the strategy the application gives its {@code Db}.
   */
  public MigrationGenerator naming(NamingStrategy strategy) {
    return new MigrationGenerator(directory, allowDestructive, renderers,
        Objects.requireNonNull(strategy, "strategy"));
  }

  /**
   * The steps from the folder's last snapshot to {@code schema}, without writing anything, named
   * as the SQL backends' files name them (or by {@link #naming}).
   */
  public List<SchemaChange> diff(Schema schema) {
    return SchemaDiff.between(directory.snapshot(), Snapshots.of(named(schema, shared())),
        allowDestructive);
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
    Map<StepRenderer, NamedDiff> diffs = new LinkedHashMap<>();
    for (StepRenderer renderer : renderers) {
      diffs.put(renderer, diff(schema, renderer));
    }
    if (diffs.values().stream().allMatch(d -> d.up().isEmpty())) {
      return Optional.empty();
    }
    int version = directory.nextVersion();
    String name = fileName(description);
    for (Map.Entry<StepRenderer, NamedDiff> e : diffs.entrySet()) {
      StepRenderer renderer = e.getKey();
      NamedDiff diff = e.getValue();
      if (diff.up().isEmpty() && ownSnapshot(renderer)) {
        continue;
      }
      directory.write(renderer.folder(), renderer.format(), version, name,
          "Toasty migration V" + version + ": " + description, steps(renderer, diff.up()),
          steps(renderer, SchemaDiff.down(diff.up())));
      if (ownSnapshot(renderer)) {
        directory.writeSnapshot(renderer.folder(), spent(diff.next()));
      }
    }
    directory.writeSnapshot(spent(Snapshots.of(named(schema, shared()))));
    return Optional.of(version);
  }

  /** The changes of {@code renderer}'s files, and the snapshot they lead to. */
  private record NamedDiff(List<SchemaChange> up, SchemaSnapshot next) {}

  private NamedDiff diff(Schema schema, StepRenderer renderer) {
    SchemaSnapshot next = Snapshots.of(named(schema, strategy(renderer)));
    SchemaSnapshot last = directory.snapshot();
    if (ownSnapshot(renderer)) {
      // A folder written before its backend named tables its own way has no snapshot of its
      // own: its migrations follow the shared one, and the diff from there renames every table
      // (a destructive step, refused unless allowed; see docs/migrations.md).
      SchemaSnapshot own = directory.snapshot(renderer.folder());
      if (own.tables().isEmpty() && !last.tables().isEmpty()
          && directory.migrations(renderer.folder(), renderer.format()).isEmpty()) {
        // The project has migrations, none of them for this backend: it does not migrate this
        // backend, and a diff from the shared snapshot would rename every table of it.
        return new NamedDiff(List.of(), next);
      }
      last = own.tables().isEmpty() ? last : own;
    }
    return new NamedDiff(SchemaDiff.between(last, next, allowDestructive), next);
  }

  /** The strategy of the shared snapshot: the chosen one, else the names as derived. */
  private NamingStrategy shared() {
    return naming != null ? naming : NamingStrategy.declared();
  }

  private NamingStrategy strategy(StepRenderer renderer) {
    return naming != null ? naming : renderer.naming();
  }

  /** Whether {@code renderer}'s files are named otherwise than the shared snapshot. */
  private boolean ownSnapshot(StepRenderer renderer) {
    return !strategy(renderer).equals(shared());
  }

  /** {@code schema}'s models named by {@code strategy}. */
  private static Schema named(Schema schema, NamingStrategy strategy) {
    List<ModelSchema> models = new ArrayList<>();
    schema.models().forEach(m -> models.add(strategy.apply(m)));
    return Schema.of(models);
  }

  private static List<Step> steps(StepRenderer renderer, List<SchemaChange> changes) {
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
