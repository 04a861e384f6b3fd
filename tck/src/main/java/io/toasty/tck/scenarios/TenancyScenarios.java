package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Agg;
import io.toasty.Change;
import io.toasty.RawQuery;
import io.toasty.Tenant;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.TenantScopeException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.TenantScopeException.Reason;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.TnCounter;
import io.toasty.tck.models.TnCounters;
import io.toasty.tck.models.TnMember;
import io.toasty.tck.models.TnMembers;
import io.toasty.tck.models.TnNote;
import io.toasty.tck.models.TnNotes;
import io.toasty.tck.models.TnPlayer;
import io.toasty.tck.models.TnPlayers;
import io.toasty.tck.models.TnProject;
import io.toasty.tck.models.TnProjects;
import io.toasty.tck.models.TnRosters;
import io.toasty.tck.models.TnTask;
import io.toasty.tck.models.TnTasks;
import io.toasty.tck.models.TnTeam;
import io.toasty.tck.models.TnTeams;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;

/**
 * Tenants the planner enforces ({@code @TenantId}, {@code Tenant}): every statement on a
 * tenant-scoped model sees and writes only the tenant of its Context, whatever it forgets to
 * filter; a create is stamped; no tenant is a typed error before anything is sent; raw text
 * naming a scoped table is refused unless vouched for; and two tenants hammering one table at
 * once never see or touch each other's records ({@link TenancyFuzz}).
 */
@Models({TnProjects.class, TnTasks.class, TnCounters.class, TnNotes.class, TnMembers.class,
    TnTeams.class, TnPlayers.class, TnRosters.class})
public abstract class TenancyScenarios {
  static final String ACME = "acme";
  static final String GLOBEX = "globex";

  /** {@code work} for {@code tenant}. */
  static <T> Mono<T> as(String tenant, Mono<T> work) {
    return work.contextWrite(Tenant.use(tenant));
  }

  /** {@code work} for every tenant ({@code Tenant.none()}). */
  static <T> Mono<T> admin(Mono<T> work) {
    return work.contextWrite(Tenant.none());
  }

  private static TnProject project(Db db, String tenant, String name, long score) {
    return await(as(tenant, TnProjects.create().name(name).score(score).exec(db)));
  }

  private static void twoTenants(Db db) {
    project(db, ACME, "a1", 1);
    project(db, ACME, "a2", 2);
    project(db, GLOBEX, "g1", 10);
  }

  private static List<String> names(List<TnProject> projects) {
    return projects.stream().map(TnProject::name).sorted().toList();
  }

  @BackendTest
  public void readsSeeOnlyTheirTenant(Db db) {
    twoTenants(db);
    assertEquals(List.of("a1", "a2"), names(await(as(ACME, TnProjects.all().collect(db)))));
    assertEquals(List.of("g1"), names(await(as(GLOBEX, TnProjects.all().collect(db)))));
    assertEquals(2L, await(as(ACME, TnProjects.all().count(db))));
    // a filter that names the other tenant's record, even its tenant, finds nothing
    assertFalse(await(as(ACME, TnProjects.filter(TnProjects.NAME.eq("g1")).exists(db))));
    assertEquals(0L, await(as(ACME,
        TnProjects.filter(TnProjects.TENANT.eq(GLOBEX)).count(db))));
    TnProject g1 = await(as(GLOBEX, TnProjects.all().first(db)));
    assertEquals(List.of(), await(as(ACME, TnProjects.filterById(g1.id()).collect(db))));
    assertEquals(List.of("a1", "a2", "g1"), names(await(admin(TnProjects.all().collect(db)))));
  }

  @BackendTest
  public void createStampsTheTenant(Db db, OperationLog log) {
    TnProject made = project(db, ACME, "a1", 1);
    assertEquals(ACME, made.tenant());
    assertEquals(ACME, await(admin(TnProjects.getById(db, made.id()))).tenant());
    TnProject named = await(as(ACME, TnProjects.create().tenant(ACME).name("a2").exec(db)));
    assertEquals(ACME, named.tenant());
    log.clear();
    var e = failure(TenantScopeException.class,
        () -> as(ACME, TnProjects.create().tenant(GLOBEX).name("x").exec(db)));
    assertEquals(Reason.OTHER_TENANT, e.reason());
    assertTrue(e.getMessage().contains("TnProject.tenant"), e.getMessage());
    assertEquals(0, log.size());
    var many = await(as(GLOBEX, TnProjects.createMany(List.of(TnProjects.create().name("g1"),
        TnProjects.create().name("g2"))).exec(db)));
    assertTrue(many.stream().allMatch(p -> p.tenant().equals(GLOBEX)), many.toString());
    // under Tenant.none() a create names its tenant itself
    var none = failure(TenantScopeException.class,
        () -> admin(TnProjects.create().name("x").exec(db)));
    assertEquals(Reason.MISSING, none.reason());
    assertEquals(GLOBEX, await(admin(TnProjects.create().tenant(GLOBEX).name("g3").exec(db)))
        .tenant());
  }

  @BackendTest
  public void updatesAndDeletesStayInTheirTenant(Db db, OperationLog log) {
    twoTenants(db);
    TnProject g1 = await(as(GLOBEX, TnProjects.all().first(db)));
    assertEquals(2L, await(as(ACME, TnProjects.all().update().score(7L).exec(db))));
    assertEquals(0L, await(as(ACME, TnProjects.updateById(g1.id()).name("stolen").exec(db))));
    assertEquals(0L, await(as(ACME, TnProjects.deleteById(g1.id()).exec(db))));
    assertEquals(0L, await(as(ACME,
        TnProjects.filter(TnProjects.NAME.eq("g1")).delete().exec(db))));
    TnProject stored = await(admin(TnProjects.getById(db, g1.id())));
    assertEquals("g1", stored.name());
    assertEquals(10L, stored.score());
    log.clear();
    var moved = failure(TenantScopeException.class,
        () -> as(ACME, TnProjects.all().update().tenant(GLOBEX).exec(db)));
    assertEquals(Reason.OTHER_TENANT, moved.reason());
    assertEquals(0, log.size());
    assertEquals(2L, await(as(ACME, TnProjects.all().delete().exec(db))));
    assertEquals(List.of("g1"), names(await(admin(TnProjects.all().collect(db)))));
  }

  @BackendTest
  public void includesAndRelationFiltersSeeOnlyTheirTenant(Db db) {
    TnProject a = project(db, ACME, "a", 1);
    await(as(ACME, TnTasks.create().projectId(a.id()).title("mine").done(true).exec(db)));
    // a record of another tenant pointing at acme's project (written by maintenance)
    await(admin(TnTasks.create().tenant(GLOBEX).projectId(a.id()).title("theirs").done(false)
        .exec(db)));
    TnProject loaded = await(as(ACME,
        TnProjects.filterById(a.id()).include(TnProjects.TASKS).first(db)));
    assertEquals(List.of("mine"),
        loaded.tasks().get().stream().map(TnTask::title).toList());
    assertEquals(0L, await(as(ACME,
        TnProjects.filter(TnProjects.TASKS.any(TnTasks.TITLE.eq("theirs"))).count(db))));
    assertEquals(1L, await(as(ACME,
        TnProjects.filter(TnProjects.TASKS.any(TnTasks.TITLE.eq("mine"))).count(db))));
    // "every task done": the other tenant's open task is not acme's to see
    assertEquals(1L, await(as(ACME,
        TnProjects.filter(TnProjects.TASKS.every(TnTasks.DONE.eq(true))).count(db))));
    assertEquals(1L, await(as(ACME,
        TnProjects.filter(TnProjects.TASKS.none(TnTasks.DONE.eq(false))).count(db))));
    // a count counts the tenant's related records only, and keeps its bound
    assertEquals(0L, await(as(ACME,
        TnProjects.filter(TnProjects.TASKS.count().ge(2)).count(db))));
    assertEquals(1L, await(as(ACME,
        TnProjects.filter(TnProjects.TASKS.count().eq(1)).count(db))));
    assertEquals(1L, await(admin(
        TnProjects.filter(TnProjects.TASKS.count().ge(2)).count(db))));
    assertEquals(2, await(admin(TnProjects.filterById(a.id()).include(TnProjects.TASKS)
        .first(db))).tasks().get().size());
    TnTask theirs = await(admin(TnTasks.filter(TnTasks.TITLE.eq("theirs")).first(db)));
    // the belongs-to side: another tenant's task cannot reach acme's project through a read
    assertEquals(List.of(), await(as(ACME, TnTasks.filterById(theirs.id())
        .include(TnTasks.PROJECT).collect(db))));
  }

  /**
   * A many-to-many through a tenant-scoped join model reaches related records through the
   * tenant's join records only: another tenant's join record linking two of acme's records (a
   * maintenance write) links nothing, in an include, a relation filter and a count.
   */
  @BackendTest
  public void joinRowsOfAScopedJoinModelAreScoped(Db db) {
    TnTeam team = await(as(ACME, TnTeams.create().name("t").exec(db)));
    TnPlayer mine = await(as(ACME, TnPlayers.create().name("mine").exec(db)));
    TnPlayer linked = await(as(ACME, TnPlayers.create().name("linked").exec(db)));
    await(as(ACME, TnRosters.create().teamId(team.id()).playerId(mine.id()).exec(db)));
    await(admin(TnRosters.create().tenant(GLOBEX).teamId(team.id()).playerId(linked.id())
        .exec(db)));
    TnTeam loaded = await(as(ACME, TnTeams.filterById(team.id()).include(TnTeams.PLAYERS)
        .first(db)));
    assertEquals(List.of("mine"), loaded.players().get().stream().map(TnPlayer::name).toList());
    assertEquals(0L, await(as(ACME,
        TnTeams.filter(TnTeams.PLAYERS.any(TnPlayers.NAME.eq("linked"))).count(db))));
    assertEquals(1L, await(as(ACME,
        TnTeams.filter(TnTeams.PLAYERS.any(TnPlayers.NAME.eq("mine"))).count(db))));
    assertEquals(0L, await(as(ACME,
        TnTeams.filter(TnTeams.PLAYERS.count().ge(2)).count(db))));
    assertEquals(1L, await(as(ACME,
        TnTeams.filter(TnTeams.PLAYERS.every(TnPlayers.NAME.eq("mine"))).count(db))));
    // the join record itself is globex's: acme does not see it
    assertEquals(1L, await(as(ACME, TnRosters.all().count(db))));
  }

  @BackendTest
  public void eagerRelationsAreScopedLikeIncludes(Db db) {
    TnProject mine = project(db, ACME, "a", 1);
    TnProject theirs = project(db, GLOBEX, "g", 1);
    await(as(ACME, TnNotes.create().projectId(Optional.of(mine.id())).text("mine").exec(db)));
    // pointing at another tenant's project (written by maintenance)
    await(admin(TnNotes.create().tenant(ACME).projectId(Optional.of(theirs.id())).text("odd")
        .exec(db)));
    List<TnNote> notes = await(as(ACME, TnNotes.all().collect(db)));
    assertEquals("mine=a, odd=none", notes.stream().sorted(Comparator.comparing(TnNote::text))
        .map(n -> n.text() + "=" + n.project().get().map(TnProject::name).orElse("none"))
        .collect(Collectors.joining(", ")));
    assertEquals(2L, await(admin(TnNotes.all().collect(db))).stream()
        .filter(n -> n.project().get().isPresent()).count());
  }

  @BackendTest
  public void aggregatesSeeOnlyTheirTenant(Db db) {
    twoTenants(db);
    assertEquals(3L, await(as(ACME, TnProjects.all().select(Agg.sum(TnProjects.SCORE))
        .first(db))));
    assertEquals(10L, await(as(GLOBEX, TnProjects.all().select(Agg.sum(TnProjects.SCORE))
        .first(db))));
    assertEquals(List.of(2L), await(as(ACME, TnProjects.all().select(Agg.count())
        .groupBy(TnProjects.TENANT).collect(db))));
    assertEquals(13L, await(admin(TnProjects.all().select(Agg.sum(TnProjects.SCORE))
        .first(db))));
  }

  @BackendTest
  public void upsertsStayInTheirTenant(Db db, OperationLog log) {
    for (String tenant : List.of(ACME, GLOBEX, ACME)) {
      await(as(tenant, TnCounters.upsert().name("visits").hits(1)
          .onUpdate(u -> u.hits(TnCounters.HITS.plus(1L))).exec(db)));
    }
    List<TnCounter> all = await(admin(TnCounters.all().collect(db)));
    assertEquals("acme=2, globex=1", all.stream()
        .sorted(Comparator.comparing(TnCounter::tenant))
        .map(c -> c.tenant() + "=" + c.hits()).collect(Collectors.joining(", ")));
    // an upsert whose conflict target leaves the tenant out could update another's record
    TnProject g1 = await(as(GLOBEX, TnProjects.create().name("g1").exec(db)));
    log.clear();
    var e = failure(TenantScopeException.class,
        () -> as(ACME, TnProjects.upsert().id(g1.id()).name("mine").exec(db)));
    assertEquals(Reason.OTHER_TENANT, e.reason());
    assertEquals(0, log.size());
  }

  private static Mono<TnMember> member(Db db, String tenant, String name) {
    return as(tenant, TnMembers.create().email("ann@x.io").name(name).exec(db));
  }

  @BackendTest
  public void uniqueValuesAreUniquePerTenant(Db db) {
    TnMember acme = await(member(db, ACME, "acme's"));
    TnMember globex = await(member(db, GLOBEX, "globex's"));
    assertEquals(ACME + "," + GLOBEX, acme.tenant() + "," + globex.tenant());
    var e = failure(UniqueViolationException.class, () -> member(db, ACME, "again"));
    assertTrue(e.getMessage().contains("TnMember"), e.getMessage());
    assertEquals(List.of("acme's", "globex's"), await(admin(TnMembers.all().collect(db)))
        .stream().map(TnMember::name).sorted().toList());
  }

  @BackendTest
  @Requires(Need.UPSERT_BY_UNIQUE)
  public void upsertByAUniqueFieldStaysInItsTenant(Db db) {
    TnMember globex = await(member(db, GLOBEX, "globex's"));
    for (String name : List.of("first", "second")) {
      // the @Unique's fields name its per-tenant index: the tenant joins the conflict target
      await(as(ACME, TnMembers.upsert().email("ann@x.io").name(name)
          .onConflict(TnMembers.EMAIL).exec(db)));
    }
    List<TnMember> all = await(admin(TnMembers.all().collect(db)));
    assertEquals("acme=second, globex=globex's", all.stream()
        .sorted(Comparator.comparing(TnMember::tenant))
        .map(m -> m.tenant() + "=" + m.name()).collect(Collectors.joining(", ")));
    assertTrue(all.stream().anyMatch(m -> m.id().equals(globex.id())), all.toString());
  }

  /**
   * A tenant's filtered read finds its records by the tenant's index (added where no index leads
   * with the tenant), never by a scan of every tenant's records: on DynamoDB a query of the index.
   */
  @BackendTest
  public void aTenantsFilteredReadIsNoTableScan(Db db, OperationLog log) {
    TnProject a = project(db, ACME, "a1", 1);
    TnProject g = project(db, GLOBEX, "g1", 1);
    await(as(ACME, TnTasks.create().projectId(a.id()).title("a-open").done(false).exec(db)));
    await(as(ACME, TnTasks.create().projectId(a.id()).title("a-done").done(true).exec(db)));
    await(as(GLOBEX, TnTasks.create().projectId(g.id()).title("g-open").done(false).exec(db)));
    String tenantIndex = TnTasks.MODEL.schema().indexes().stream()
        .filter(ix -> ix.fields().equals(List.of(TnTasks.TENANT.index()))).findFirst()
        .orElseThrow().name();
    log.clear();
    List<TnTask> open = await(as(ACME, TnTasks.filter(TnTasks.DONE.eq(false)).collect(db)));
    assertEquals(List.of("a-open"), open.stream().map(TnTask::title).toList());
    assertEquals(List.of(), log.operations(Operation.Scan.class), log.operations().toString());
    if (log.operations(Operation.QuerySql.class).isEmpty()) {
      // a key-value backend: one query of the tenant's index
      assertEquals(List.of(tenantIndex), log.operations(Operation.FindPkByIndex.class).stream()
          .map(Operation.FindPkByIndex::index).toList(), log.operations().toString());
    }
  }

  @BackendTest
  public void batchesStayInTheirTenant(Db db, Capability capability) {
    twoTenants(db);
    TnProject g1 = await(as(GLOBEX, TnProjects.all().first(db)));
    var batch = Toasty.batch(
        TnProjects.create().name("a3"), TnProjects.updateById(g1.id()).score(0L));
    if (capability.interactiveTransactions()) {
      var results = await(as(ACME, batch.exec(db)));
      assertEquals(ACME, results.getT1().tenant());
      assertEquals(0L, results.getT2());
    } else {
      // one atomic write, which an update that finds no record (of its tenant) fails whole
      failure(RecordNotFoundException.class, () -> as(ACME, batch.exec(db)));
      assertEquals(List.of("a1", "a2"), names(await(as(ACME, TnProjects.all().collect(db)))));
    }
    assertEquals(10L, await(admin(TnProjects.getById(db, g1.id()))).score());
  }

  /**
   * A tenant's subscriber cannot follow a scoped model's changes (the notices carry every
   * tenant's keys): refused before anything listens; under {@code Tenant.none()} it runs.
   */
  @BackendTest
  @Requires(Need.CHANGE_STREAMS)
  public void changesOfAScopedModelAreFollowedOnlyWithoutATenant(Db db) {
    TenantScopeException e = failure(TenantScopeException.class,
        () -> as(ACME, TnProjects.changes(db).next()));
    assertEquals(Reason.CHANGES, e.reason());
    assertEquals("TnProject", e.model().orElseThrow());
    Change<TnProject> first = await(TnProjects.changes(db).contextWrite(Tenant.none()).next());
    assertEquals(Change.Kind.LISTENING, first.kind());
  }

  @BackendTest
  public void missingTenantIsRefusedBeforeAnythingIsSent(Db db, OperationLog log) {
    UUID id = UUID.randomUUID();
    List<Supplier<Mono<?>>> statements = List.of(
        () -> TnProjects.all().collect(db),
        () -> TnProjects.getById(db, id),
        () -> TnProjects.all().count(db),
        () -> TnProjects.all().select(Agg.sum(TnProjects.SCORE)).first(db),
        () -> TnProjects.create().name("x").exec(db),
        () -> TnProjects.updateById(id).name("x").exec(db),
        () -> TnProjects.deleteById(id).exec(db),
        () -> TnCounters.upsert().name("n").hits(1).exec(db),
        () -> Toasty.batch(TnProjects.create().name("x"), TnProjects.deleteById(id)).exec(db));
    for (Supplier<Mono<?>> statement : statements) {
      var e = failure(TenantScopeException.class, statement);
      assertEquals(Reason.MISSING, e.reason());
      assertTrue(e.model().isPresent(), e.getMessage());
    }
    assertEquals(0, log.size());
  }

  @BackendTest
  public void rawTextNamingAScopedTableIsRefusedUnlessVouchedFor(Db db, OperationLog log) {
    twoTenants(db);
    log.clear();
    var e = failure(TenantScopeException.class, () -> as(ACME, raw(db).rows().collectList()));
    assertEquals(Reason.RAW, e.reason());
    assertEquals(0, log.size());
    long vouched = await(raw(db).rows().count()
        .contextWrite(Tenant.rawChecked()).contextWrite(Tenant.use(ACME)));
    assertEquals(3L, vouched);
    assertEquals(3L, await(admin(raw(db).rows().count())));
  }

  /** Every project, in the backend's own language. */
  private static RawQuery raw(Db db) {
    return RawQueryScenarios.query(db::sql, db, "SELECT [name] FROM [tn_projects]",
        "MATCH (p:TnProject) RETURN p.name AS name", "SELECT * FROM \"tn_projects\"");
  }

  // Its own bound is the run below; the TCK's default of two minutes is a hang guard.
  @BackendTest
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  public void twoTenantsAtOnceNeverCross(Db db, Capability capability) {
    TenancyFuzz.run(db, capability);
  }
}
