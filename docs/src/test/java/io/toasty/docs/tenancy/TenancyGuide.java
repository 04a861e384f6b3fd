package io.toasty.docs.tenancy;

import io.toasty.Tenant;
import io.toasty.error.TenantScopeException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The examples of {@code docs/tenancy.md}, run by {@link TenancyGuideTest}. */
final class TenancyGuide {
  private TenancyGuide() {}

  static Db open(String url) {
    Db db = Toasty.builder().models(Invoices.MODEL, Customers.MODEL).url(url).build();
    db.schema().push().block();
    return db;
  }

  static Invoice bill(Db db, String tenant, String customer, long cents) {
    // snippet: tenancy-create
    Mono<Invoice> billed = Invoices.create().customer(customer).cents(cents).exec(db)
        .contextWrite(Tenant.use(tenant));   // stamped: invoice.tenant() is the tenant
    // end-snippet
    return billed.block();
  }

  static List<Invoice> unpaid(Db db, String tenant) {
    // snippet: tenancy-read
    Mono<List<Invoice>> unpaid = Invoices.filter(Invoices.PAID.eq(false)).collect(db)
        .contextWrite(Tenant.use(tenant));   // WHERE paid = false AND tenant = ?
    // end-snippet
    return unpaid.block();
  }

  static long markPaid(Db db, String tenant, UUID id) {
    // snippet: tenancy-update
    Mono<Long> updated = Invoices.updateById(id).paid(true).exec(db)
        .contextWrite(Tenant.use(tenant));   // 0 when the invoice is another tenant's
    // end-snippet
    return updated.block();
  }

  static String forgotten(Db db) {
    // snippet: tenancy-missing
    Mono<String> outcome = Invoices.all().count(db)   // no Tenant in the Context
        .map(n -> "counted " + n)
        .onErrorResume(TenantScopeException.class,
            e -> Mono.just(e.reason() + " for " + e.model().orElseThrow()));
    // end-snippet
    return outcome.block();
  }

  static long purgePaid(Db db) {
    // snippet: tenancy-none
    Mono<Long> purged = Invoices.filter(Invoices.PAID.eq(true)).delete().exec(db)
        .contextWrite(Tenant.none());        // maintenance: every tenant's invoices
    // end-snippet
    return purged.block();
  }

  static long rawCount(Db db, String tenant) {
    // snippet: tenancy-raw
    Mono<Long> count = db.sql("SELECT COUNT(*) AS n FROM \"invoices\" WHERE \"tenant\" = :t")
        .bind("t", tenant).rows().next().map(row -> row.get("n", Long.class))
        .contextWrite(Tenant.rawChecked())   // "this text filters by tenant itself"
        .contextWrite(Tenant.use(tenant));
    // end-snippet
    return count.block();
  }

  static Customer signUp(Db db, String tenant, String email, String name) {
    // snippet: tenancy-upsert-unique
    Mono<Customer> customer = Customers.upsert().email(email).name(name)
        .onConflict(Customers.EMAIL)         // the tenant joins: (tenant, email)
        .exec(db).contextWrite(Tenant.use(tenant));
    // end-snippet
    return customer.block();
  }
}
