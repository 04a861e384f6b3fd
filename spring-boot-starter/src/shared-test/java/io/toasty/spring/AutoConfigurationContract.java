package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.toasty.reactive.Db;
import io.toasty.reactive.Tx;
import io.toasty.reactive.hook.Hook;
import io.toasty.reactive.hook.ModelHook;
import io.toasty.spring.app.Article;
import io.toasty.spring.app.Articles;
import io.toasty.spring.app.Author;
import io.toasty.spring.app.Authors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Db bean from {@code spring.r2dbc.*} (on Boot's one pool), from {@code toasty.url} and from
 * the application's own {@code ConnectionFactory}, and cursors that instances sharing a key
 * accept from each other. One subclass per database; each test writes authors of its own.
 */
abstract class AutoConfigurationContract extends DatabaseContract {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(Boot.R2DBC,
          Boot.R2DBC_TRANSACTIONS, Boot.TRANSACTIONS,
          ToastyConnectionFactoryAutoConfiguration.class, ToastyAutoConfiguration.class));

  private static long count(Db db, String email) {
    return Authors.filterByEmail(email).stream(db).count().block();
  }

  @Test
  void onSpringR2dbcUrlTheDbUsesBootsOnePool() {
    runner.withPropertyValues("spring.r2dbc.url=" + url(), "spring.r2dbc.pool.initial-size=0",
            "spring.r2dbc.pool.max-size=3", "toasty.schema=push")
        .run(context -> {
          assertThat(context).hasSingleBean(ConnectionFactory.class).hasSingleBean(Db.class);
          ConnectionPool pool = (ConnectionPool) context.getBean(ConnectionFactory.class);
          Db db = context.getBean(Db.class);
          Author ann = Authors.create().name("Ann").email("ann@boot.pool").exec(db).block();
          assertThat(Authors.getById(db, ann.id()).block().name()).isEqualTo("Ann");
          // a Toasty transaction holds its connection from Boot's pool: there is no other pool
          Integer acquired = db.transactionMono(tx -> Authors.getById(tx, ann.id())
              .map(a -> pool.getMetrics().orElseThrow().acquiredSize())).block();
          assertThat(acquired).isEqualTo(1);
          assertThat(pool.getMetrics().orElseThrow().acquiredSize()).isZero();
          assertThat(pool.getMetrics().orElseThrow().getMaxAllocatedSize()).isEqualTo(3);
        });
  }

  /**
   * {@code ModelHook} beans are the {@code Db}'s lifecycle hooks, in their order: a veto fails
   * the create and stores nothing; an after hook sees the stored record.
   */
  @Test
  void modelHookBeansAreTheDbsHooks() {
    List<String> seen = new CopyOnWriteArrayList<>();
    runner.withPropertyValues("toasty.url=" + url(), "toasty.schema=push")
        .withBean("vetoHook", ModelHook.class, () -> ModelHook.of(Authors.MODEL,
            Hook.beforeCreate((tx, a) -> a.name().isBlank()
                ? Mono.error(new IllegalArgumentException("no name"))
                : Mono.fromRunnable(() -> seen.add("before " + a.name())))))
        .withBean("auditHook", ModelHook.class, () -> ModelHook.of(Authors.MODEL,
            Hook.afterCreate((tx, a) -> Mono.fromRunnable(() -> seen.add("after " + a.id())))))
        .run(context -> {
          Db db = context.getBean(Db.class);
          Author ann = Authors.create().name("Ann").email("ann@hooks").exec(db).block();
          assertThat(seen).containsExactly("before Ann", "after " + ann.id());
          Mono<Author> blank = Authors.create().name(" ").email("blank@hooks").exec(db);
          assertThat(blank.onErrorResume(IllegalArgumentException.class, e -> Mono.empty())
              .block()).isNull();
          assertThat(count(db, "blank@hooks")).isZero();
        });
  }

  @Test
  void toastyUrlMakesTheApplicationsOnlyConnectionFactory() {
    runner.withPropertyValues("toasty.url=" + url(), "toasty.pool-max-size=4",
            "toasty.schema=push")
        .run(context -> {
          assertThat(context).hasSingleBean(ConnectionFactory.class);
          ConnectionPool pool = (ConnectionPool) context.getBean(ConnectionFactory.class);
          assertThat(pool.getMetrics().orElseThrow().getMaxAllocatedSize()).isEqualTo(4);
          Db db = context.getBean(Db.class);
          Authors.create().name("Bo").email("bo@toasty.url").exec(db).block();
          assertThat(count(db, "bo@toasty.url")).isEqualTo(1L);
        });
  }

  /**
   * {@code toasty.coalesce-gets}: with the pool's one connection held, gets by key wait as one
   * batch (one request pending), or each on its own when it is off; either way each answers
   * with its own record.
   */
  @Test
  void coalescedGetsWaitAsOneRequestUnlessTurnedOff() {
    for (boolean on : new boolean[] {true, false}) {
      runner.withPropertyValues("toasty.url=" + url(), "toasty.pool-max-size=1",
              "toasty.schema=push", "toasty.coalesce-gets=" + on)
          .run(context -> {
            Db db = context.getBean(Db.class);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
              ids.add(Authors.create().name("g" + i).email("g" + i + "-" + on + "@coalesce")
                  .exec(db).block().id());
            }
            Tx holder = db.begin().block();
            Mono<List<String>> names =
                Flux.fromIterable(ids)
                    .flatMapSequential(id -> Authors.getById(db, id).map(Author::name))
                    .collectList().cache();
            names.subscribe();
            assertThat(db.poolState().orElseThrow().pending()).isEqualTo(on ? 1 : 5);
            holder.rollback().block();
            assertThat(names.block()).containsExactly("g0", "g1", "g2", "g3", "g4");
          });
    }
  }

  /**
   * {@code toasty.coalesce-lists}: with the pool's one connection held, reads of each author's
   * articles wait as one batch (one request pending), or each on its own when it is off; either
   * way each answers with its own author's articles.
   */
  @Test
  void coalescedListsWaitAsOneRequestUnlessTurnedOff() {
    for (boolean on : new boolean[] {true, false}) {
      runner.withPropertyValues("toasty.url=" + url(), "toasty.pool-max-size=1",
              "toasty.schema=push", "toasty.coalesce-lists=" + on)
          .run(context -> {
            Db db = context.getBean(Db.class);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
              long id = Authors.create().name("l" + i).email("l" + i + "-" + on + "@coalesce")
                  .exec(db).block().id();
              for (int a = 0; a < 2; a++) {
                Articles.create().authorId(id).title(id + "." + a).exec(db).block();
              }
              ids.add(id);
            }
            Tx holder = db.begin().block();
            Mono<List<List<String>>> titles =
                Flux.fromIterable(ids)
                    .flatMapSequential(id -> Articles.filter(Articles.AUTHOR_ID.eq(id))
                        .orderBy(Articles.TITLE.asc()).collect(db)
                        .map(list -> list.stream().map(Article::title).toList()))
                    .collectList().cache();
            titles.subscribe();
            assertThat(db.poolState().orElseThrow().pending()).isEqualTo(on ? 1 : 5);
            holder.rollback().block();
            List<List<String>> got = titles.block();
            for (int i = 0; i < ids.size(); i++) {
              assertThat(got.get(i)).containsExactly(ids.get(i) + ".0", ids.get(i) + ".1");
            }
          });
    }
  }

  /**
   * {@code toasty.coalesce-updates}: with the pool's one connection held, updates by key wait as
   * one batch (one request pending) where the database's updates return rows, or each on its
   * own when it is off (or on MySQL and MariaDB); either way each writes its own row.
   */
  @Test
  void coalescedUpdatesWaitAsOneRequestUnlessTurnedOff() {
    for (boolean on : new boolean[] {true, false}) {
      runner.withPropertyValues("toasty.url=" + url(), "toasty.pool-max-size=1",
              "toasty.schema=push", "toasty.coalesce-updates=" + on)
          .run(context -> {
            Db db = context.getBean(Db.class);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
              ids.add(Authors.create().name("u" + i).email("u" + i + "-" + on + "@coalesce")
                  .exec(db).block().id());
            }
            Tx holder = db.begin().block();
            Mono<List<Long>> counts =
                Flux.fromIterable(ids)
                    .flatMapSequential(id -> Authors.updateById(id).name("w" + id).exec(db))
                    .collectList().cache();
            counts.subscribe();
            boolean batches = on && db.capability().returningFromMutation();
            assertThat(db.poolState().orElseThrow().pending()).isEqualTo(batches ? 1 : 5);
            holder.rollback().block();
            assertThat(counts.block()).containsExactly(1L, 1L, 1L, 1L, 1L);
            for (Long id : ids) {
              assertThat(Authors.getById(db, id).block().name()).isEqualTo("w" + id);
            }
          });
    }
  }

  @Test
  void theApplicationsOwnConnectionFactory() {
    ConnectionFactory own = ConnectionFactories.get(url());
    runner.withBean(ConnectionFactory.class, () -> own)
        .withPropertyValues("toasty.schema=push")
        .run(context -> {
          assertThat(context.getBean(ConnectionFactory.class)).isSameAs(own);
          Db db = context.getBean(Db.class);
          Authors.create().name("Cy").email("cy@own.factory").exec(db).block();
          assertThat(count(db, "cy@own.factory")).isEqualTo(1L);
        });
  }

  @Test
  void instancesWithOneCursorKeyAcceptEachOthersCursors() {
    String[] props = {"spring.r2dbc.url=" + url(), "toasty.schema=push",
        "toasty.cursor-key=one secret for every instance"};
    String[] cursor = new String[1];
    runner.withPropertyValues(props).run(context -> {
      Db db = context.getBean(Db.class);
      Authors.create().name("cursor").email("c1@cursor.key").exec(db).block();
      Authors.create().name("cursor").email("c2@cursor.key").exec(db).block();
      cursor[0] = Authors.filter(Authors.NAME.eq("cursor")).orderBy(Authors.EMAIL.asc())
          .paginate(1).collect(db).block().next().orElseThrow();
    });
    runner.withPropertyValues(props).run(context -> {
      Db db = context.getBean(Db.class);
      assertThat(Authors.filter(Authors.NAME.eq("cursor")).orderBy(Authors.EMAIL.asc())
          .paginate(1).after(cursor[0]).collect(db).block().items())
          .extracting(Author::email).containsExactly("c2@cursor.key");
    });
  }
}
