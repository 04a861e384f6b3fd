package io.toasty.docs.relations;

import io.toasty.error.ForeignKeyViolationException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;

/** The referential integrity example of docs/relations.md ("Related records always exist"). */
final class IntegrityGuide {
  private IntegrityGuide() {}

  static Db open(String url) {
    Db db = Toasty.builder()
        .models(Vendors.MODEL, Invoices.MODEL, Receipts.MODEL)
        .url(url)
        .build();
    db.schema().push().block();
    return db;
  }

  /** A key to a vendor that does not exist: refused, nothing written. */
  static ForeignKeyViolationException missing(Db db) {
    ForeignKeyViolationException refused = null;
    // snippet: integrity-missing
    try {
      Invoices.create().vendorId(42).cents(1_999).exec(db).block();   // no vendor 42
    } catch (ForeignKeyViolationException e) {
      String model = e.model().orElseThrow();   // "Invoice"
      String field = e.field().orElseThrow();   // "vendorId"
      String why = e.getMessage();  // Invoice.vendorId: no Vendor has id = 42; nothing was written
      refused = e;
    }
    // end-snippet
    return refused;
  }

  /** A vendor with invoices cannot be deleted until they are. */
  static ForeignKeyViolationException restricted(Db db) {
    ForeignKeyViolationException refused = null;
    // snippet: integrity-restrict
    Vendor acme = Vendors.create().name("Acme").exec(db).block();
    Invoice bill = Invoices.create().vendor(acme).cents(1_999).exec(db).block();
    try {
      Vendors.delete(acme).exec(db).block();           // an invoice still refers to Acme
    } catch (ForeignKeyViolationException e) {
      String referring = e.model().orElseThrow();   // "Invoice": the records in the way
      refused = e;
    }
    Invoices.delete(bill).exec(db).block();
    Vendors.delete(acme).exec(db).block();             // now it goes
    // end-snippet
    return refused;
  }

  /** An unchecked key may name a vendor that does not exist. */
  static Receipt unchecked(Db db) {
    // snippet: integrity-unchecked
    Receipt old = Receipts.create().vendorId(42).note("imported").exec(db).block();  // accepted
    // end-snippet
    return old;
  }
}
