package io.toasty.docs.dynamic;

import io.toasty.Condition;
import io.toasty.Expr;
import io.toasty.Page;
import io.toasty.Row;
import io.toasty.error.InvalidFilterException;
import io.toasty.filter.DynamicQuery;
import io.toasty.filter.FilterParser;
import io.toasty.filter.FilterSpec;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/** The examples of docs/queries.md (Raw SQL, Filters from requests), run by the test. */
final class DynamicQueriesGuide {
  private DynamicQueriesGuide() {}

  static Db open(String url) {
    Db db = Toasty.builder().models(Customers.MODEL, Purchases.MODEL).url(url).build();
    db.schema().push().block();
    for (String[] c : new String[][] {{"ann", "31", "Oslo"}, {"bob", "17", null},
        {"cid", "45", "Lima"}, {"dan", "22", "Oslo"}}) {
      Customer customer = Customers.create().name(c[0]).email(c[0] + "@example.com")
          .age(Integer.parseInt(c[1])).city(c[2]).joined(LocalDate.of(2026, 1, 1))
          .passwordHash("x").exec(db).block();
      Purchases.create().customer(customer).item("tea").cents(Integer.parseInt(c[1]) * 10)
          .exec(db).block();
    }
    return db;
  }

  static List<String> rows(Db db) {
    // snippet: raw-rows
    Flux<String> adults = db.sql("SELECT \"name\", \"age\" FROM \"customers\""
            + " WHERE \"age\" >= :min AND \"city\" = :city ORDER BY \"name\"")
        .bind("min", 18)
        .bind("city", "Oslo")
        .rows()
        .map(row -> row.get("name", String.class) + " (" + row.get("age", Integer.class) + ")");
    // end-snippet
    return adults.collectList().block();
  }

  static List<Customer> asModel(Db db) {
    // snippet: raw-as-model
    Flux<Customer> found = db.sql("SELECT * FROM \"customers\" WHERE lower(\"email\") = :email")
        .bind("email", "cid@example.com")
        .as(Customers.MODEL);
    // end-snippet
    return found.collectList().block();
  }

  static List<CustomerCard> asProjection(Db db) {
    // snippet: raw-as-projection
    Flux<CustomerCard> cards = db.sql("SELECT \"name\", \"city\" FROM \"customers\""
            + " WHERE \"age\" < :max ORDER BY \"name\"")
        .bind("max", 30)
        .as(Customers.MODEL, CustomerCards::map, CustomerCards.FIELDS);
    // end-snippet
    return cards.collectList().block();
  }

  /** A report row of docs/queries.md, mapped by column name. */
  // snippet: raw-record
  record CityCount(String city, long customers) {}
  // end-snippet

  static List<Object> asRecordAndTuple(Db db) {
    // snippet: raw-as-record
    Flux<CityCount> perCity = db.sql("SELECT \"city\", count(*) AS customers FROM \"customers\""
            + " WHERE \"city\" IS NOT NULL GROUP BY \"city\" ORDER BY \"city\"")
        .as(CityCount.class);                    // components by column name, any case
    Flux<Tuple2<String, Integer>> older = db.sql("SELECT \"name\", \"age\" FROM \"customers\""
            + " WHERE \"age\" > :min")
        .bind("min", 40)
        .as("name", String.class, "age", Integer.class);
    // end-snippet
    return List.of(perCity.collectList().block(), older.collectList().block());
  }

  static long execute(Db db) {
    // snippet: raw-execute
    Mono<Long> moved = db.sql("UPDATE \"customers\" SET \"city\" = :to WHERE \"city\" = :from")
        .bind("from", "Oslo")
        .bind("to", "Bergen")
        .execute();                                  // the number of rows affected
    // end-snippet
    return moved.block();
  }

  static Row report(Db db) {
    // snippet: raw-transaction
    Mono<Row> totals = db.transactionMono(tx -> tx.sql(
            "SELECT count(*) AS n, sum(\"cents\") AS total FROM \"purchases\""
            + " WHERE \"cents\" > :min")
        .bind("min", 0)
        .rows()
        .single());
    // end-snippet
    return totals.block();
  }

  static List<Customer> fragment(Db db) {
    // snippet: raw-fragment
    Flux<Customer> found = Customers.filter(
            Expr.sql("lower({0}) = :email", Customers.EMAIL).bind("email", "ann@example.com")
                .condition()
                .and(Customers.AGE.ge(18)))
        .stream(db);
    // end-snippet
    return found.collectList().block();
  }

  // snippet: dyn-spec
  static final FilterParser CUSTOMERS = FilterParser.of(FilterSpec.of(Customers.MODEL)
      .allow("name", "age", "city", "joined")
      .allowRelation("purchases", FilterSpec.of(Purchases.MODEL).allow("item", "cents")));
  // end-snippet

  static List<Customer> fromJson(Db db) {
    // snippet: dyn-json
    String body = """
        {"filter": {"age": {"$gte": 18},
                    "$or": [{"city": "Oslo"}, {"name": {"$startsWith": "c"}}],
                    "purchases": {"$any": {"cents": {"$gt": 300}}}},
         "sort": "-age,name", "limit": 20, "offset": 0}
        """;
    DynamicQuery query = CUSTOMERS.query(body);          // InvalidFilterException if refused
    Flux<Customer> page = query.applyTo(Customers.all()).stream(db);
    // end-snippet
    return page.collectList().block();
  }

  static List<Customer> fromParams(Db db) {
    // snippet: dyn-params
    // ?city[in]=Oslo&city[in]=Lima&age[lt]=40&sort=name&limit=10
    Map<String, List<String>> params = Map.of(
        "city[in]", List.of("Oslo", "Lima"),
        "age[lt]", List.of("40"),
        "sort", List.of("name"),
        "limit", List.of("10"));
    Flux<Customer> page = CUSTOMERS.params(params).applyTo(Customers.all()).stream(db);
    // end-snippet
    return page.collectList().block();
  }

  static List<Page<Customer>> pageParams(Db db) {
    // snippet: dyn-page-params
    // GET /customers?city=Oslo&sort=-age&size=1&format=csv, then &after=<next>
    FilterParser endpoint = CUSTOMERS.ignoring("format");   // the endpoint's own parameter
    Map<String, List<String>> params = new HashMap<>(Map.of(
        "city", List.of("Oslo"),
        "sort", List.of("-age"),
        "size", List.of("1"),
        "format", List.of("csv")));
    Page<Customer> first = endpoint.pageParams(params).applyTo(Customers.all())
        .collect(db).block();
    params.put("after", List.of(first.next().orElseThrow()));
    Page<Customer> second = endpoint.pageParams(params).applyTo(Customers.all())
        .collect(db).block();
    // end-snippet
    return List.of(first, second);
  }

  static String refused() {
    // snippet: dyn-refused
    try {
      CUSTOMERS.filter("{\"$or\": [{\"age\": 1}, {\"passwordHash\": {\"$startsWith\": \"a\"}}]}");
    } catch (InvalidFilterException e) {
      return e.path() + " | " + e.getMessage();
      // $.$or[1].passwordHash | Customer: at $.$or[1].passwordHash: no field 'passwordHash'
      // may be filtered on (allowed: ...)
    }
    // end-snippet
    return null;
  }

  static Condition combined() {
    // snippet: dyn-combine
    Condition fromRequest = CUSTOMERS.filter("{\"city\": \"Oslo\"}");
    Condition mine = Customers.AGE.ge(18);            // the service's own rule
    Condition both = fromRequest.and(mine);
    // end-snippet
    return both;
  }
}
