package io.toasty.docs.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.Tenant;
import io.toasty.error.TenantScopeException;
import io.toasty.reactive.Db;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the examples of docs/tenancy.md on H2. */
class TenancyGuideTest {

  @Test
  void theGuideRunsAsWrittenOnH2() {
    Db db = TenancyGuide.open("r2dbc:h2:mem:///tenancy-guide");
    try {
      Invoice a = TenancyGuide.bill(db, "acme", "Ann", 1_000);
      TenancyGuide.bill(db, "acme", "Bob", 2_000);
      Invoice g = TenancyGuide.bill(db, "globex", "Gus", 3_000);
      assertEquals("acme", a.tenant());
      assertEquals(List.of("Ann", "Bob"), TenancyGuide.unpaid(db, "acme").stream()
          .map(Invoice::customer).sorted().toList());
      assertEquals(0L, TenancyGuide.markPaid(db, "acme", g.id()));
      assertEquals(1L, TenancyGuide.markPaid(db, "acme", a.id()));
      assertEquals("MISSING for Invoice", TenancyGuide.forgotten(db));
      assertEquals(1L, TenancyGuide.rawCount(db, "globex"));
      assertThrows(TenantScopeException.class, () -> db.sql("SELECT * FROM \"invoices\"").rows()
          .collectList().contextWrite(Tenant.use("acme")).block());
      assertEquals(1L, TenancyGuide.purgePaid(db));
      assertEquals(1, TenancyGuide.unpaid(db, "acme").size());
      assertEquals(1, TenancyGuide.unpaid(db, "globex").size());
      Customer ann = TenancyGuide.signUp(db, "acme", "ann@x.io", "Ann");
      assertEquals(ann.id(), TenancyGuide.signUp(db, "acme", "ann@x.io", "Ann B").id());
      assertEquals("globex", TenancyGuide.signUp(db, "globex", "ann@x.io", "Ann G").tenant());
      assertEquals(List.of("Ann B", "Ann G"), db.sql("SELECT \"name\" FROM \"customers\" "
          + "ORDER BY \"name\"").rows().map(row -> row.get("name", String.class)).collectList()
          .contextWrite(Tenant.none()).block());
    } finally {
      db.close().block();
    }
  }
}
