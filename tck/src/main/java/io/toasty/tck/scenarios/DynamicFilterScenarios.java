package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.scenarios.Fixtures.sortedBy;
import static io.toasty.tck.scenarios.Fixtures.sortedNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.Condition;
import io.toasty.error.InvalidFilterException;
import io.toasty.filter.DynamicQuery;
import io.toasty.filter.FilterParser;
import io.toasty.filter.FilterSpec;
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
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Filters, sorts and pages read from untrusted input (JSON documents and query parameters) run
 * as the typed DSL's queries do: same results, same plans, nothing sent for a refused document.
 */
@Models({Users.class, Authors.class, Articles.class, Comments.class, Bios.class})
public abstract class DynamicFilterScenarios {
  static final FilterParser USERS = FilterParser.of(FilterSpec.of(Users.MODEL)
      .allow("name", "nickname", "loginCount"));
  static final FilterParser AUTHORS = FilterParser.of(FilterSpec.of(Authors.MODEL).allow("name")
      .allowRelation("articles", FilterSpec.of(Articles.MODEL).allow("title", "votes")));
  static final FilterParser ARTICLES = FilterParser.of(FilterSpec.of(Articles.MODEL)
      .allow("title", "votes")
      .allowRelation("author", FilterSpec.of(Authors.MODEL).allow("name")));

  @BackendTest
  public void textOperators(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("ann"), where(db, "{'name': {'$startsWith': 'a'}}"));
    assertEquals(List.of("dan"), where(db, "{'name': {'$containsIgnoreCase': 'N'},"
        + " 'loginCount': {'$gte': 3}}"));
    assertEquals(List.of("ann", "dan"), where(db, "{'name': {'$endsWith': 'n'}}"));
    assertEquals(List.of("cid"), where(db, "{'name': {'$like': '%i%'}}"));
  }

  @BackendTest
  public void comparisons(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("cid", "dan"), where(db, "{'loginCount': {'$gte': 2, '$lt': 4}}"));
    assertEquals(List.of("ann", "bob", "dan", "eve"), where(db, "{'loginCount': {'$ne': 2}}"));
    assertEquals(List.of("eve"), where(db, "{'loginCount': {'$gt': 3}}"));
    assertEquals(List.of("ann"), where(db, "{'loginCount': {'$lte': 0}}"));
    assertEquals(List.of("bob"), where(db, "{'name': 'bob'}"));
  }

  @BackendTest
  public void andOrNot(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("ann", "eve"),
        where(db, "{'$or': [{'name': 'ann'}, {'loginCount': {'$gt': 3}}]}"));
    assertEquals(List.of("bob", "cid", "dan"),
        where(db, "{'$not': {'$or': [{'name': 'ann'}, {'loginCount': {'$gt': 3}}]}}"));
    assertEquals(List.of("cid"), where(db, "{'$and': [{'loginCount': {'$gte': 1}},"
        + " {'nickname': {'$null': false}}], 'name': {'$ne': 'eve'}}"));
  }

  @BackendTest
  public void nullsFollowSql(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("bob", "dan"), where(db, "{'nickname': null}"));
    assertEquals(List.of("ann", "cid", "eve"), where(db, "{'nickname': {'$ne': null}}"));
    // a comparison with a missing nickname is unknown: bob and dan match neither
    assertEquals(List.of("cid"), where(db, "{'nickname': {'$ne': 'a'}}"));
    assertEquals(List.of("ann", "eve"), where(db, "{'nickname': {'$eq': 'a'}}"));
  }

  @BackendTest
  public void inAndNotIn(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("ann", "cid"), where(db, "{'name': {'$in': ['ann', 'cid', 'zed']}}"));
    assertEquals(List.of("bob", "dan", "eve"), where(db, "{'name': {'$nin': ['ann', 'cid']}}"));
    assertEquals(List.of("ann", "eve"), where(db, "{'nickname': {'$in': ['a']}}"));
  }

  @BackendTest
  public void emptyFilterMatchesEveryRecordUpToTheDefaultPage(Db db) {
    Fixtures.fiveUsers(db);
    DynamicQuery q = USERS.query("{}");
    assertEquals(List.of("ann", "bob", "cid", "dan", "eve"),
        sortedNames(await(q.applyTo(Users.all()).collect(db))));
    assertEquals(2, await(USERS.query("{\"limit\": 2}").applyTo(Users.all()).collect(db))
        .size());
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void sortAndPageFromADocument(Db db) {
    Fixtures.fiveUsers(db);
    DynamicQuery q = USERS.query(json("{'filter': {'loginCount': {'$gte': 1}},"
        + " 'sort': '-loginCount', 'limit': 2, 'offset': 1}"));
    assertEquals(List.of("dan", "cid"), names(await(q.applyTo(Users.all()).collect(db))));
    DynamicQuery byTwo = USERS.query(json("{'filter': {'nickname': {'$null': false}},"
        + " 'sort': ['nickname', '-name']}"));
    assertEquals(List.of("eve", "ann", "cid"),
        names(await(byTwo.applyTo(Users.all()).collect(db))));
  }

  @BackendTest
  public void queryParameters(Db db) {
    Fixtures.fiveUsers(db);
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("name[startsWith]", List.of("d"));
    params.put("loginCount[gte]", List.of("1"));
    assertEquals(List.of("dan"), sortedNames(await(USERS.params(params).applyTo(Users.all())
        .collect(db))));
    params.clear();
    params.put("name[in]", List.of("ann", "bob", "eve"));
    params.put("nickname[null]", List.of("false"));
    assertEquals(List.of("ann", "eve"), sortedNames(await(USERS.params(params)
        .applyTo(Users.all()).collect(db))));
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void queryParametersSortAndPage(Db db) {
    Fixtures.fiveUsers(db);
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("loginCount[lt]", List.of("4"));
    params.put("sort", List.of("-loginCount,name"));
    params.put("limit", List.of("2"));
    params.put("offset", List.of("1"));
    assertEquals(List.of("cid", "bob"), names(await(USERS.params(params).applyTo(Users.all())
        .collect(db))));
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void hasManyRelationFilters(Db db) {
    PreloadScenarios.data(db);
    assertEquals(List.of("ann"), authors(db, "{'articles': {'$any': {'votes': {'$gt': 6}}}}"));
    assertEquals(List.of("cy"), authors(db, "{'articles': {'$none': {}}}"));
    assertEquals(List.of("bob", "cy"),
        authors(db, "{'articles': {'$every': {'votes': {'$gte': 5}}}}"));
    assertEquals(List.of("bob"), authors(db, "{'articles': {'$any': {}},"
        + " 'name': {'$ne': 'ann'}}"));
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void belongsToRelationFilters(Db db) {
    PreloadScenarios.data(db);
    List<Article> byAnn = await(Articles.filter(ARTICLES.filter(json(
        "{'author': {'$is': {'name': 'ann'}}, 'votes': {'$gt': 5}}"))).collect(db));
    assertEquals(List.of("a2"), byAnn.stream().map(Article::title).toList());
    List<Article> notAnn = sortedBy(await(Articles.filter(ARTICLES.filter(json(
        "{'author': {'$isNot': {'name': 'ann'}}}"))).collect(db)), Article::title);
    assertEquals(List.of("b1"), notAnn.stream().map(Article::title).toList());
  }

  @BackendTest
  public void documentsOfOneShapeShareAPlan(Db db) {
    Fixtures.fiveUsers(db);
    where(db, "{'name': {'$startsWith': 'a'}, 'loginCount': {'$gte': 0}}");
    var before = db.planCacheStats();
    assertEquals(List.of("dan"),
        where(db, "{'name': {'$startsWith': 'd'}, 'loginCount': {'$gte': 1}}"));
    var after = db.planCacheStats();
    assertEquals(before.hits() + 1, after.hits(), () -> before + " -> " + after);
    assertEquals(before.misses(), after.misses(), () -> before + " -> " + after);
  }

  @BackendTest
  public void parsedFilterIsTheDslsCondition(Db db) {
    Fixtures.fiveUsers(db);
    Condition parsed = USERS.filter(json("{'name': {'$in': ['bob', 'cid']},"
        + " 'loginCount': {'$gt': 1}}"));
    Condition typed = Condition.all(List.of(Users.NAME.in("bob", "cid"),
        Users.LOGIN_COUNT.gt(1)));
    assertEquals(typed.node(), parsed.node());
    assertEquals(sortedNames(await(Users.filter(typed).collect(db))),
        sortedNames(await(Users.filter(parsed).collect(db))));
  }

  @BackendTest
  public void refusedDocumentsSendNothing(Db db, OperationLog log) {
    Fixtures.fiveUsers(db);
    log.clear();
    for (String doc : List.of("{'email': 'ann@example.com'}", "{'id': {'$ne': null}}",
        "{'name': {'$regex': '.*'}}", "{'loginCount': 'many'}", "{'$where': 'sleep(1)'}",
        "{'loginCount': {'$gt': 2147483648}}", "{'name': ", "{'$or': []}")) {
      assertThrows(InvalidFilterException.class, () -> USERS.filter(json(doc)), doc);
    }
    assertEquals(0, log.size(), log::toString);
    assertEquals(5, await(Users.all().collect(db)).size());
  }

  @BackendTest
  public void hostileTextIsOnlyAValue(Db db) {
    Fixtures.fiveUsers(db);
    Fixtures.user(db, "o'hara \"x\" 100%_\\ 名前");
    assertEquals(List.of(), await(Users.filter(USERS.filter(
        "{\"name\": \"x'; DROP TABLE users; --\"}")).collect(db)));
    assertEquals(List.of("o'hara \"x\" 100%_\\ 名前"), sortedNames(await(Users.filter(USERS
        .filter("{\"name\": {\"$contains\": \"'hara \\\"x\\\" 100%_\\\\ 名\"}}"))
        .collect(db))));
    assertEquals(6, await(Users.all().collect(db)).size());
  }

  @BackendTest
  public void valuesAreTypedFromText(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("eve"), sortedNames(await(USERS.params(Map.of("loginCount",
        List.of("4"))).applyTo(Users.all()).collect(db))));
    assertThrows(InvalidFilterException.class,
        () -> USERS.params(Map.of("loginCount", List.of("4.5"))));
    assertThrows(InvalidFilterException.class,
        () -> USERS.params(Map.of("loginCount[gte]", List.of("99999999999"))));
  }

  @BackendTest
  public void filterAppliesToMutationsToo(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(2L, await(Users.filter(USERS.filter(json("{'nickname': 'a'}"))).update()
        .loginCount(9).exec(db)));
    assertEquals(List.of("ann", "eve"), where(db, "{'loginCount': 9}"));
  }

  private static List<String> where(Db db, String doc) {
    return sortedNames(await(Users.filter(USERS.filter(json(doc))).collect(db)));
  }

  private static List<String> authors(Db db, String doc) {
    return RelationFilterScenarios.names(sortedBy(await(Authors.filter(AUTHORS.filter(json(doc)))
        .collect(db)), Author::name));
  }

  private static List<String> names(List<User> users) {
    return users.stream().map(User::name).toList();
  }

  /** Single quotes for double ones: documents readable in Java source. */
  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
