package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Article;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Author;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Bios;
import io.toasty.tck.models.Comments;
import io.toasty.tck.models.Player;
import io.toasty.tck.models.Players;
import io.toasty.tck.models.Team;
import io.toasty.tck.models.Teams;
import java.util.List;

/**
 * Nested create: a record with its children, or with a new belongs-to parent, in one call and
 * atomically (all rows or none).
 */
@Models({Authors.class, Articles.class, Comments.class, Bios.class, Teams.class,
    Players.class})
public abstract class NestedCreateScenarios {

  @BackendTest
  @Requires(Need.NESTED_CREATE)
  public void parentWithChildrenAndGrandchildren(Db db) {
    Author ann = await(Authors.create().name("ann")
        .articles(Articles.create().title("a1").votes(1)
                .comments(Comments.create().body("c1").likes(0)),
            Articles.create().title("a2").votes(2))
        .bio(Bios.create().text("bio"))
        .exec(db));
    Author loaded = await(Authors.filterById(ann.id()).include(Authors.ARTICLES
        .orderBy(Articles.TITLE.asc()).then(Articles.COMMENTS), Authors.BIO).get(db));
    assertEquals(List.of("a1", "a2"), loaded.articles().get().stream().map(Article::title)
        .toList());
    assertEquals(ann.id(), loaded.articles().get().get(0).authorId());
    assertEquals("c1", loaded.articles().get().get(0).comments().get().get(0).body());
    assertEquals("bio", loaded.bio().get().orElseThrow().text());
  }

  @BackendTest
  @Requires(Need.NESTED_CREATE)
  public void childWithANewParent(Db db) {
    Article a = await(Articles.create().title("t").votes(0)
        .author(Authors.create().name("new author")).exec(db));
    assertEquals("new author", await(a.author().get(db)).name());
  }

  @BackendTest
  @Requires(Need.NESTED_CREATE)
  public void engineGeneratedKeysLinkWithoutReadingBack(Db db, OperationLog log) {
    Team t = await(Teams.create().name("reds")
        .players(Players.create().name("p1"), Players.create().name("p2")).exec(db));
    List<Player> players = await(t.players().orderBy(Players.NAME.asc()).collect(db));
    assertEquals(List.of("p1", "p2"), players.stream().map(Player::name).toList());
    assertEquals(t.id(), players.get(0).teamId());
  }

  @BackendTest
  @Requires(Need.NESTED_CREATE)
  public void aFailingChildRollsBackTheParent(Db db) {
    Team t = await(Teams.create().name("reds").exec(db));
    Player p = await(t.players().create(Players.create()).name("p1").exec(db));
    failure(UniqueViolationException.class, () -> Teams.create().name("blues")
        .players(Players.create().name("dup").id(p.id())).exec(db));
    assertEquals(List.of("reds"), await(Teams.all().collect(db)).stream().map(Team::name)
        .toList());
    assertEquals(1L, await(Players.all().stream(db).count()));
  }

  @BackendTest
  public void belongsToIncludeWithUuidKeysRunsOnEveryBackend(Db db, OperationLog log) {
    Team t = await(Teams.create().name("reds").exec(db));
    Player p = await(t.players().create(Players.create()).name("p1").exec(db));
    log.clear();
    Player loaded = await(Players.filterById(p.id()).include(Players.TEAM).get(db));
    assertEquals("reds", loaded.team().get().name());
    assertEquals(2, log.size(), "the player, then its team by key: " + log);
  }
}
