package io.toasty.docs.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Page;
import io.toasty.Row;
import io.toasty.reactive.Db;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the examples of docs/queries.md's Raw SQL and Filters from requests sections. */
class DynamicQueriesGuideTest {
  private Db db;

  @BeforeEach
  void open() {
    db = DynamicQueriesGuide.open("r2dbc:h2:mem:///dynamic-queries-guide");
  }

  @AfterEach
  void close() {
    db.close().block();
  }

  @Test
  void theGuideRunsAsWritten() {
    requestFiltersRunAsWritten();
    rawSqlRunsAsWritten();
  }

  private void rawSqlRunsAsWritten() {
    assertEquals(List.of("ann (31)", "dan (22)"), DynamicQueriesGuide.rows(db));
    assertEquals(List.of("cid"), DynamicQueriesGuide.asModel(db).stream().map(Customer::name)
        .toList());
    assertEquals(List.of("ann"), DynamicQueriesGuide.fragment(db).stream().map(Customer::name)
        .toList());
    assertEquals(List.of(new CustomerCard("bob", Optional.empty()),
        new CustomerCard("dan", Optional.of("Oslo"))), DynamicQueriesGuide.asProjection(db));
    assertEquals("[[CityCount[city=Lima, customers=1], CityCount[city=Oslo, customers=2]],"
        + " [[cid,45]]]", DynamicQueriesGuide.asRecordAndTuple(db).toString());
    assertEquals(2L, DynamicQueriesGuide.execute(db));
    Row totals = DynamicQueriesGuide.report(db);
    assertEquals(4L, totals.get("n", Long.class));
    assertEquals(1150L, totals.get("total", Long.class));
  }

  private void requestFiltersRunAsWritten() {
    assertEquals(List.of("cid", "ann"), DynamicQueriesGuide.fromJson(db).stream()
        .map(Customer::name).toList());
    assertEquals(List.of("ann", "dan"), DynamicQueriesGuide.fromParams(db).stream()
        .map(Customer::name).toList());
    List<Page<Customer>> pages = DynamicQueriesGuide.pageParams(db);
    assertEquals(List.of("ann"), pages.get(0).items().stream().map(Customer::name).toList());
    assertEquals(List.of("dan"), pages.get(1).items().stream().map(Customer::name).toList());
    assertTrue(pages.get(1).next().isEmpty());
    String refused = DynamicQueriesGuide.refused();
    assertTrue(refused.startsWith("$.$or[1].passwordHash | Customer: at $.$or[1].passwordHash:"
        + " no field 'passwordHash' may be filtered on"), refused);
    assertEquals(List.of("ann", "dan"), Customers.filter(DynamicQueriesGuide.combined())
        .collect(db).block().stream().map(Customer::name).sorted().toList());
  }
}
