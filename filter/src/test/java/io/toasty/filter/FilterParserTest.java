package io.toasty.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Condition;
import io.toasty.error.InvalidFilterException;
import io.toasty.filter.model.Mood;
import io.toasty.filter.model.Notes;
import io.toasty.filter.model.Persons;
import io.toasty.stmt.ExprNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator language: each form builds the node the typed DSL builds, or a pointed error. */
class FilterParserTest {
  static final FilterSpec SPEC = FilterSpec.of(Persons.MODEL)
      .allow("name", "age", "nickname", "active", "mood", "createdAt", "balance", "visits",
          "score", "level", "born")
      .allowRelation("notes", FilterSpec.of(Notes.MODEL).allow("text", "stars"));
  static final FilterParser PARSER = FilterParser.of(SPEC);

  static Condition parse(String json) {
    return PARSER.filter(json.replace('\'', '"'));
  }

  static InvalidFilterException refused(String json) {
    return assertThrows(InvalidFilterException.class, () -> parse(json));
  }

  @Test
  void operatorsBuildWhatTheDslBuilds() {
    assertEquals(Persons.NAME.eq("Ann").node(), parse("{'name': 'Ann'}").node());
    assertEquals(Persons.NAME.eq("Ann").node(), parse("{'name': {'$eq': 'Ann'}}").node());
    assertEquals(Persons.AGE.ge(18).node(), parse("{'age': {'$gte': 18}}").node());
    assertEquals(Persons.AGE.lt(18).node(), parse("{'age': {'$lt': 18}}").node());
    assertEquals(Persons.AGE.ne(3).node(), parse("{'age': {'$ne': 3}}").node());
    assertEquals(Persons.NAME.startsWith("A").node(),
        parse("{'name': {'$startsWith': 'A'}}").node());
    assertEquals(Persons.NAME.containsIgnoreCase("x").node(),
        parse("{'name': {'$containsIgnoreCase': 'x'}}").node());
    assertEquals(Persons.NAME.like("a\\\\_%").node(),
        parse("{'name': {'$like': 'a\\\\\\\\_%'}}").node());
    assertEquals(Persons.AGE.in(1, 2, 3).node(), parse("{'age': {'$in': [1, 2, 3]}}").node());
    assertEquals(Persons.AGE.notIn(4).node(), parse("{'age': {'$nin': [4]}}").node());
    assertEquals(Persons.NICKNAME.isNull().node(), parse("{'nickname': null}").node());
    assertEquals(Persons.NICKNAME.isNotNull().node(),
        parse("{'nickname': {'$null': false}}").node());
    assertEquals(Persons.NICKNAME.isNotNull().node(),
        parse("{'nickname': {'$ne': null}}").node());
    assertEquals(Persons.MOOD.eq(Mood.GRUMPY).node(), parse("{'mood': 'GRUMPY'}").node());
  }

  @Test
  void logicalOperatorsAndRelations() {
    Condition dsl = Condition.all(List.of(Persons.AGE.ge(18).and(Persons.AGE.le(65)),
        Persons.NAME.eq("a").or(Persons.NAME.eq("b")),
        Persons.ACTIVE.eq(true).not(),
        Persons.NOTES.any(Notes.STARS.gt(3))));
    assertEquals(dsl.node(), parse("{'age': {'$gte': 18, '$lte': 65},"
        + " '$or': [{'name': 'a'}, {'name': 'b'}], '$not': {'active': true},"
        + " 'notes': {'$any': {'stars': {'$gt': 3}}}}").node());
    assertEquals(Persons.NOTES.none().node(), parse("{'notes': {'$none': {}}}").node());
    assertEquals(Persons.NOTES.every(Notes.TEXT.contains("x")).node(),
        parse("{'notes': {'$every': {'text': {'$contains': 'x'}}}}").node());
    assertEquals(Condition.all(List.of(Persons.AGE.eq(1))).node(),
        parse("{'$and': [{'age': 1}]}").node());
  }

  @Test
  void valuesAreConvertedToTheFieldsType() {
    assertEquals(Persons.CREATED_AT.gt(Instant.parse("2026-01-02T03:04:05Z")).node(),
        parse("{'createdAt': {'$gt': '2026-01-02T03:04:05Z'}}").node());
    assertEquals(Persons.BORN.eq(LocalDate.of(2000, 2, 29)).node(),
        parse("{'born': '2000-02-29'}").node());
    assertEquals(Persons.BALANCE.eq(new BigDecimal("10.25")).node(),
        parse("{'balance': 10.25}").node());
    assertEquals(Persons.VISITS.eq(9_000_000_000L).node(),
        parse("{'visits': 9000000000}").node());
    assertEquals(Persons.SCORE.eq(2.0).node(), parse("{'score': 2}").node());
    assertEquals(Persons.LEVEL.eq((byte) -128).node(), parse("{'level': -128}").node());
  }

  @Test
  void errorsNameTheJsonPath() {
    assertEquals("$.$or[1].age.$gte",
        refused("{'$or': [{'age': 1}, {'age': {'$gte': 'x'}}]}").path());
    assertEquals("$.age", refused("{'age': 2147483648}").path());
    assertEquals("$.level", refused("{'level': 128}").path());
    assertEquals("$.age", refused("{'age': 1.5}").path());
    assertEquals("$.passwordHash", refused("{'passwordHash': 'x'}").path());
    assertEquals("$.notes.$any.secret", refused("{'notes': {'$any': {'secret': 'x'}}}").path());
    assertEquals("$.name.$gt", refused("{'name': {'$gt': null}}").path());
    assertEquals("$.name.$regex", refused("{'name': {'$regex': '.*'}}").path());
    assertEquals("$.__proto__", refused("{'__proto__': {}}").path());
    assertEquals("$['a b']", refused("{'a b': 1}").path());
    assertEquals("$.age.$startsWith", refused("{'age': {'$startsWith': '1'}}").path());
    assertEquals("$.mood", refused("{'mood': 'SAD'}").path());
    assertEquals("$.born", refused("{'born': '2001-02-29'}").path());
    assertEquals("$.$where", refused("{'$where': 'x'}").path());
    assertEquals("$.$or", refused("{'$or': []}").path());
    assertEquals("$", refused("{'age': 1,}").path());
    assertEquals("$", refused("{'age': 1, 'age': 2}").path());
    assertEquals("$", refused("[1]").path());
    InvalidFilterException e = refused("{'age': {'$gte': 'x'}}");
    assertEquals("Person", e.model().orElseThrow());
    assertEquals("age", e.field().orElseThrow());
    assertTrue(e.getMessage().contains("expected an integer"), e.getMessage());
  }

  @Test
  void sizesAreBounded() {
    String deep = "{'$not': ".repeat(9) + "{'age': 1}" + "}".repeat(9);
    assertTrue(refused(deep).getMessage().contains("deeper"), () -> refused(deep).getMessage());
    String deeper = "{'$not': ".repeat(5000) + "{}" + "}".repeat(5000);
    assertEquals("$", refused(deeper).path());
    StringBuilder list = new StringBuilder("{'age': {'$in': [0");
    for (int i = 1; i <= 100; i++) {
      list.append(',').append(i);
    }
    assertTrue(refused(list + "]}}").getMessage().contains("limit of 100"));
    assertEquals("$", refused("{'name': '" + "x".repeat(20_000) + "'}").path());
    assertEquals("$.name", refused("{'name': '" + "x".repeat(1_001) + "'}").path());
  }

  @Test
  void queryDocumentsCarrySortAndPage() {
    DynamicQuery q = PARSER.query("{\"filter\": {\"age\": 3}, \"sort\": \"-age, name\","
        + " \"limit\": 20, \"offset\": 40}");
    assertEquals(Persons.AGE.eq(3).node(), q.filter().node());
    assertEquals(List.of(Persons.AGE.desc(), Persons.NAME.asc()), q.orders());
    assertEquals(20, q.limit());
    assertEquals(40, q.offset());
    DynamicQuery none = PARSER.query("{}");
    assertEquals(ExprNode.TRUE, none.filter().node());
    assertEquals(FilterLimits.DEFAULTS.defaultLimit(), none.limit());
    assertThrows(InvalidFilterException.class, () -> PARSER.query("{\"limit\": 1001}"));
    assertThrows(InvalidFilterException.class, () -> PARSER.query("{\"sort\": \"passwordHash\"}"));
    assertThrows(InvalidFilterException.class, () -> PARSER.query("{\"where\": {}}"));
  }

  @Test
  void queryParametersReadAsTheDocumentTheyStandFor() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("name[startsWith]", List.of("A"));
    params.put("age[gte]", List.of("18"));
    params.put("age[lte]", List.of("65"));
    params.put("mood[in]", List.of("HAPPY", "GRUMPY"));
    params.put("active", List.of("true"));
    params.put("nickname[null]", List.of("false"));
    params.put("sort", List.of("-createdAt,name"));
    params.put("limit", List.of("20"));
    params.put("offset", List.of("40"));
    DynamicQuery q = PARSER.params(params);
    assertEquals(Condition.all(List.of(Persons.NAME.startsWith("A"),
        Persons.AGE.ge(18).and(Persons.AGE.le(65)), Persons.MOOD.in(Mood.HAPPY, Mood.GRUMPY),
        Persons.ACTIVE.eq(true), Persons.NICKNAME.isNotNull())).node(), q.filter().node());
    assertEquals(List.of(Persons.CREATED_AT.desc(), Persons.NAME.asc()), q.orders());
    assertEquals(20, q.limit());
    assertEquals(40, q.offset());
    InvalidFilterException e = assertThrows(InvalidFilterException.class,
        () -> PARSER.params(Map.of("age[gte]", List.of("x"))));
    assertEquals("$.filter.age.$gte", e.path());
    assertThrows(InvalidFilterException.class,
        () -> PARSER.params(Map.of("age[gte]", List.of("1", "2"))));
    assertThrows(InvalidFilterException.class,
        () -> PARSER.params(Map.of("passwordHash", List.of("x"))));
    assertThrows(InvalidFilterException.class,
        () -> PARSER.params(Map.of("age[gte][x]", List.of("1"))));
  }

  @Test
  void ignoredParametersAreNoFilterTermsAndTheRestStillAre() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("name", List.of("Ann"));
    params.put("include", List.of("notes"));
    params.put("format", List.of("csv"));
    InvalidFilterException unknown = assertThrows(InvalidFilterException.class,
        () -> PARSER.params(params));
    assertEquals("$.filter.include", unknown.path());
    assertTrue(unknown.getMessage().contains("'include'"), unknown.getMessage());
    FilterParser endpoint = PARSER.ignoring("include", "format");
    assertEquals(Persons.NAME.eq("Ann").node(), endpoint.params(params).filter().node());
    params.put("colour", List.of("red"));
    InvalidFilterException rest = assertThrows(InvalidFilterException.class,
        () -> endpoint.params(params));
    assertEquals("$.filter.colour", rest.path());
    assertEquals("Person", rest.model().orElseThrow());
  }

  @Test
  void ignoredParametersDoNotCountTowardsTheLimits() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (int i = 0; i < 250; i++) {
      params.put("x" + i, List.of("1"));
    }
    params.put("age", List.of("3"));
    assertThrows(InvalidFilterException.class, () -> PARSER.params(params));
    String[] own = params.keySet().stream().filter(k -> k.startsWith("x")).toArray(String[]::new);
    assertEquals(Persons.AGE.eq(3).node(),
        PARSER.ignoring(own).params(params).filter().node());
  }

  @Test
  void pageParametersCarryFilterSortSizeAndCursor() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("name[startsWith]", List.of("A"));
    params.put("sort", List.of("-age"));
    params.put("size", List.of("5"));
    params.put("after", List.of("cursor-1"));
    DynamicPage page = PARSER.pageParams(params);
    assertEquals(Persons.NAME.startsWith("A").node(), page.filter().node());
    assertEquals(List.of(Persons.AGE.desc()), page.orders());
    assertEquals(5, page.size());
    assertEquals("cursor-1", page.after());
    assertEquals(null, page.before());
    DynamicPage first = PARSER.pageParams(Map.of());
    assertEquals(ExprNode.TRUE, first.filter().node());
    assertEquals(FilterLimits.DEFAULTS.defaultLimit(), first.size());
    assertEquals("cursor-2",
        PARSER.pageParams(Map.of("before", List.of("cursor-2"))).before());
  }

  @Test
  void pageParametersOutOfBoundsAreRefusedNamingThem() {
    assertEquals("$.size", assertThrows(InvalidFilterException.class,
        () -> PARSER.pageParams(Map.of("size", List.of("0")))).path());
    assertEquals("$.size", assertThrows(InvalidFilterException.class,
        () -> PARSER.pageParams(Map.of("size", List.of("1001")))).path());
    assertEquals("$.size", assertThrows(InvalidFilterException.class,
        () -> PARSER.pageParams(Map.of("size", List.of("ten")))).path());
    assertEquals("$.after", assertThrows(InvalidFilterException.class,
        () -> PARSER.pageParams(Map.of("after", List.of("a", "b")))).path());
    InvalidFilterException both = assertThrows(InvalidFilterException.class,
        () -> PARSER.pageParams(Map.of("after", List.of("a"), "before", List.of("b"))));
    assertTrue(both.getMessage().contains("after or before, not both"), both.getMessage());
    // offset paging's parameters are no parameters of a keyset page
    assertEquals("$.filter.limit", assertThrows(InvalidFilterException.class,
        () -> PARSER.pageParams(Map.of("limit", List.of("5")))).path());
    assertEquals("$.filter.offset", assertThrows(InvalidFilterException.class,
        () -> PARSER.pageParams(Map.of("offset", List.of("5")))).path());
  }

  @Test
  void aNewOperatorIsOneTableEntry() {
    Operators ops = Operators.STANDARD.with(new Operator("$notLike", Operator.Operand.VALUE, true,
        (f, v) -> new ExprNode.Not(Operators.STANDARD.get("$like").build()
            .apply(f, v))));
    FilterParser p = FilterParser.of(SPEC, FilterLimits.DEFAULTS, ops);
    assertEquals(Persons.NAME.like("a%").not().node(),
        p.filter("{\"name\": {\"$notLike\": \"a%\"}}").node());
  }
}
