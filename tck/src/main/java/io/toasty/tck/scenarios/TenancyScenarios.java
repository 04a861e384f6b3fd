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
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.TenantScopeException;
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
import io.toasty.tck.models.TnNote;
import io.toasty.tck.models.TnNotes;
import io.toasty.tck.models.TnProject;
import io.toasty.tck.models.TnProjects;
import io.toasty.tck.models.TnTask;
import io.toasty.tck.models.TnTasks;
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
@Models({TnProjects.class, TnTasks.class, TnCounters.class, TnNotes.class})
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
