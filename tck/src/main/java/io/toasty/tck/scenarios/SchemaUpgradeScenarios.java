package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.ModelDef;
import io.toasty.driver.SchemaUpgrade;
import io.toasty.driver.SchemaUpgrade.Kind;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.SchemaUpgradeException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.migrate.MigrationGenerator;
import io.toasty.migrate.Migrator;
import io.toasty.migrate.diff.Drift;
import io.toasty.r2dbc.R2dbcDriver;
import io.toasty.reactive.Db;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.TableSchema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.push.SchemaDdl;
import io.toasty.tck.Backend;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.FreshDatabase;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Course;
import io.toasty.tck.models.Courses;
import io.toasty.tck.models.Crest;
import io.toasty.tck.models.Crests;
import io.toasty.tck.models.Enrollment;
import io.toasty.tck.models.Enrollments;
import io.toasty.tck.models.Guilds;
import io.toasty.tck.models.Student;
import io.toasty.tck.models.Students;
import io.toasty.tck.models.Users;
import io.toasty.vertx.VertxDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Schema push on a table made by an older build: the table exists with the model's columns but
 * without its range CHECK, foreign key, unique index and index. Push adds them where the backend
 * alters a table in place, reports the others with the statements that add them (SQLite adds a
 * CHECK or a foreign key only by rebuilding the table), and the constraints then hold: the
 * out-of-range {@code rank = rank + 100} on a byte field, a duplicate code and a crest of a
 * missing guild are refused. A constraint the stored rows violate fails the push, naming table
 * and constraint, and loses no row. And on every backend, the migrations generated from the
 * models make what push makes.
 */
@Models({Guilds.class, Crests.class, Students.class, Courses.class, Enrollments.class})
@FreshDatabase
public abstract class SchemaUpgradeScenarios {
  private static final String CRESTS = "crests";
  private static final Duration CLOSE = Duration.ofSeconds(30);

  /**
   * Makes {@code crests} again as an older build made it: the model's columns and key, in the
   * types this backend's push writes, without its indexes, foreign keys and range CHECKs.
   */
  static void olderShape(Db db, BackendContext context) {
    context.executeSql("DROP TABLE " + context.quote(CRESTS));
    Schema schema = Schema.of(context.models().stream().map(ModelDef::schema).toList());
    TableSchema table = schema.table(CRESTS);
    TableSchema older = new TableSchema(table.name(), table.columns(), table.primaryKey(),
        List.of(), List.of());
    SqlDialect dialect = db.schema().driver(R2dbcDriver.class).map(R2dbcDriver::dialect)
        .or(() -> db.schema().driver(VertxDriver.class).map(VertxDriver::dialect))
        .orElseThrow();
    SchemaDdl ddl = new SchemaDdl(dialect, schema);
    context.executeSql(ddl.createTable(older, List.of())
        .replaceAll("( CONSTRAINT [\"`]\\w+[\"`])? CHECK \\([^)]*\\)", ""));
  }

  static void guild(Db db, long id) {
    await(Guilds.create().id(id).name("guild" + id).exec(db));
  }

  static Crest crest(Db db, long id, String code, long guild) {
    return await(Crests.create().id(id).code(code).rank((byte) 100).color("red").guildId(guild)
        .exec(db));
  }

  @BackendTest
  @Requires(Need.SQL)
  public void pushAddsWhatATableOfAnOlderBuildLacksAndTheConstraintsHold(Db db,
      BackendContext context) {
    olderShape(db, context);
    guild(db, 1);
    crest(db, 1, "a", 1);
    List<SchemaUpgrade> before = await(db.schema().upgrades());
    Set<Kind> kinds = before.stream().map(SchemaUpgrade::kind).collect(Collectors.toSet());
    assertTrue(kinds.containsAll(Set.of(Kind.UNIQUE, Kind.INDEX, Kind.FOREIGN_KEY)),
        before.toString());
    assertTrue(before.stream().allMatch(u -> u.table().equals(CRESTS)), before.toString());
    List<SchemaUpgrade> notInPlace = before.stream().filter(u -> !u.inPlace()).toList();
    assertTrue(notInPlace.stream().allMatch(u -> u.kind() == Kind.RANGE_CHECK
        || u.kind() == Kind.FOREIGN_KEY), "only CHECKs and foreign keys need a rebuild: "
        + notInPlace);

    await(db.schema().push());
    assertEquals(notInPlace, await(db.schema().upgrades()),
        "push added all it could add in place, and reports the rest");
    // What push cannot add, the statements it reports add: the rows stay.
    notInPlace.stream().map(SchemaUpgrade::statements).distinct()
        .forEach(context::executeScript);
    assertEquals(List.of(), await(db.schema().upgrades()), "the table is up to date");
    assertEquals(1, await(Crests.all().collect(db)).size(), "the crest kept");

    failure(ValueOutOfRangeException.class, () -> Crests.updateById(1)
        .set(Crests.RANK, Crests.RANK.plus((byte) 100)).exec(db));
    failure(UniqueViolationException.class, () -> Crests.create().id(2).code("a")
        .rank((byte) 1).color("red").guildId(1).exec(db));
    failure(ForeignKeyViolationException.class, () -> Crests.create().id(3).code("c")
        .rank((byte) 1).color("red").guildId(99).exec(db));
    assertEquals(100, await(Crests.getById(db, 1L)).rank(), "the refused update wrote nothing");
    assertEquals(1, await(Crests.all().collect(db)).size(), "nothing else written");
  }

  @BackendTest
  @Requires(Need.SQL)
  public void aPushThatTheStoredRowsViolateFailsNamingTableAndConstraint(Db db,
      BackendContext context) {
    olderShape(db, context);
    guild(db, 1);
    crest(db, 1, "same", 1);
    crest(db, 2, "same", 1);
    SchemaUpgrade unique = await(db.schema().upgrades()).stream()
        .filter(u -> u.kind() == Kind.UNIQUE).findFirst().orElseThrow();
    SchemaUpgradeException e = failure(SchemaUpgradeException.class,
        () -> db.schema().push());
    assertEquals(CRESTS, e.table());
    assertEquals(unique.name(), e.constraint());
    assertTrue(e.getMessage().contains(unique.name()), e.getMessage());
    assertTrue(e.getCause() != null, "the database's error is the cause");
    assertEquals(2, await(Crests.all().collect(db)).size(), "no row lost");
    assertTrue(await(db.schema().upgrades()).contains(unique), "the unique index is not there");
  }

  /**
   * Push on one database, the migrations generated from the same models applied to another,
   * fresh one: push finds nothing to add to either (every constraint and index by name, entity
   * and properties: a join model's key constraint on its relationship type on Neo4j, GSIs on
   * DynamoDB), and the drift check sees the same in both.
   */
  @BackendTest
  public void migrationsMakeTheSchemaPushMakes(Db db, BackendContext context) {
    Schema schema = Schema.of(context.models().stream().map(ModelDef::schema).toList());
    Path dir = tempDir();
    assertEquals(Optional.of(1), MigrationGenerator.of(dir).generate(schema, "models"));
    BackendContext.Opened other = context.open(List.of(Users.MODEL));
    assertEquals(List.of(1), await(Migrator.of(other.db(), dir).apply()));
    Db migrated = context.backend().open(new Backend.Request(context.models(),
        other.database(), 2, BackendContext.DEFAULT_PLAN_CACHE_SIZE, d -> d));
    try {
      assertEquals(List.of(), await(db.schema().upgrades()), "push left nothing to add");
      assertEquals(List.of(), await(migrated.schema().upgrades()),
          "the migrations made all push makes");
      assertEquals(drift(db, dir), drift(migrated, dir));
      Student ann = await(Students.create().name("ann").exec(migrated));
      Course math = await(Courses.create().title("math").exec(migrated));
      Enrollment e = await(Enrollments.create().studentId(ann.id()).courseId(math.id())
          .exec(migrated));
      failure(UniqueViolationException.class, () -> Enrollments.create().id(e.id())
          .studentId(ann.id()).courseId(math.id()).exec(migrated));
      assertEquals(1, await(Enrollments.all().collect(migrated)).size());
    } finally {
      migrated.close().block(CLOSE);
    }
  }

  /**
   * An older shape made by the migration of an older model version (crests without their unique
   * code, indexed color and guild relation: no unique index or companion, index, GSI, foreign key
   * or Neo4j constraint), with a guild in it, brought up to date once by push and once by the next
   * migration: push reports what the table lacks, adds it (or, where it cannot in place, reports
   * the statements that do), and in both databases a taken code is then refused.
   */
  @BackendTest
  public void anOlderShapeIsUpgradedByPushAndByMigrations(Db db, BackendContext context) {
    Schema current = Schema.of(context.models().stream().map(ModelDef::schema).toList());
    Path dir = tempDir();
    MigrationGenerator generator = MigrationGenerator.of(dir);
    assertEquals(Optional.of(1), generator.generate(older(current), "older crests"));
    assertEquals(Optional.of(2), generator.generate(current, "crests as now"));

    Older older = olderDatabase(context, dir);
    Db pushed = older.db();
    try {
      List<SchemaUpgrade> lacking = await(pushed.schema().upgrades());
      String crests = pushed.tableOf(Crests.MODEL);
      assertTrue(!lacking.isEmpty() && lacking.stream()
          .allMatch(u -> u.table().endsWith(crests)), lacking.toString());
      await(pushed.schema().push());
      List<SchemaUpgrade> left = await(pushed.schema().upgrades());
      assertEquals(lacking.stream().filter(u -> !u.inPlace()).toList(), left);
      left.stream().map(SchemaUpgrade::statements).distinct().forEach(script ->
          context.backend().executeScript(older.database(), script).block(CLOSE));
      assertEquals(List.of(), await(pushed.schema().upgrades()), "up to date");
      takenCodeRefused(pushed);
    } finally {
      pushed.close().block(CLOSE);
    }
    Db migrated = olderDatabase(context, dir).db();
    try {
      assertEquals(List.of(2), await(Migrator.of(migrated, dir).apply()));
      assertEquals(List.of(), await(migrated.schema().upgrades()), "V2 made what push makes");
      takenCodeRefused(migrated);
    } finally {
      migrated.close().block(CLOSE);
    }
  }

  /** The models with crests as an older version had them: no unique, index or relation. */
  private static Schema older(Schema current) {
    return Schema.of(current.models().stream().map(m -> !m.tableName().equals(CRESTS) ? m
        : new ModelSchema(m.name(), m.javaClass(), m.tableName(), m.fields(), m.primaryKey(),
            List.of(), List.of())).toList());
  }

  /** A database of the older shape and a Db on it with the scenario's models. */
  private record Older(Db db, String database) {}

  /**
   * A fresh database migrated to V1 of {@code dir}, with a guild, and a Db on it with
   * the scenario's models (closed by the caller).
   */
  private static Older olderDatabase(BackendContext context, Path dir) {
    BackendContext.Opened other = context.open(List.of(Users.MODEL));
    assertEquals(List.of(1), await(Migrator.of(other.db(), dir).apply(1)));
    Db db = context.backend().open(new Backend.Request(context.models(), other.database(), 2,
        BackendContext.DEFAULT_PLAN_CACHE_SIZE, d -> d));
    // A crest is written only once the schema is up to date: the models' unique code needs
    // its companion table on DynamoDB, which the older shape lacks.
    guild(db, 1);
    return new Older(db, other.database());
  }

  /** A code taken after the upgrade is refused a second time; the guild before it is kept. */
  private static void takenCodeRefused(Db db) {
    crest(db, 1, "a", 1);
    crest(db, 2, "b", 1);
    failure(UniqueViolationException.class, () -> Crests.create().id(3).code("b")
        .rank((byte) 1).color("red").guildId(1).exec(db));
    assertEquals(List.of(1L, 2L), await(Crests.all().collect(db)).stream().map(Crest::id)
        .sorted().toList());
  }

  /** The drift of {@code db}'s database from its models, named as {@code db} names them. */
  private static List<Drift> drift(Db db, Path dir) {
    return await(Migrator.of(db, dir).drift(db.models())).ignoringExtraTables().drifts();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("toasty-parity");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
