package io.toasty.docs.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.error.ForeignKeyViolationException;
import io.toasty.reactive.Db;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the referential integrity example of docs/relations.md. */
class IntegrityGuideTest {
  private Db db;

  @BeforeEach
  void open() {
    db = IntegrityGuide.open("r2dbc:h2:mem:///integrity-guide");
  }

  @AfterEach
  void close() {
    db.close().block();
  }

  @Test
  void aKeyToAMissingVendorIsRefused() {
    ForeignKeyViolationException e = IntegrityGuide.missing(db);
    assertEquals("Invoice.vendorId: no Vendor has id = 42; nothing was written", e.getMessage());
    assertEquals(List.of(), Invoices.all().collect(db).block());
  }

  @Test
  void aVendorWithInvoicesIsKeptUntilTheyGo() {
    ForeignKeyViolationException e = IntegrityGuide.restricted(db);
    assertEquals(Optional.of("Invoice"), e.model());
    assertEquals(Optional.of("vendorId"), e.field());
    assertEquals(List.of(), Vendors.all().collect(db).block());
  }

  @Test
  void anUncheckedKeyIsStoredAsItIs() {
    assertEquals(42, IntegrityGuide.unchecked(db).vendorId());
    assertEquals(1, Receipts.all().collect(db).block().size());
  }
}
