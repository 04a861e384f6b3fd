package io.toasty.docs.softdelete;

import io.toasty.PathQuery;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The examples of {@code docs/models.md}, Soft delete, run by {@link SoftDeleteGuideTest}. */
final class SoftDeleteGuide {
  private SoftDeleteGuide() {}

  static Db open(String url) {
    Db db = Toasty.builder().models(Customers.MODEL, Orders.MODEL, Milestones.MODEL,
        Accounts.MODEL, Invites.MODEL).url(url).build();
    db.schema().push().block();
    return db;
  }

  static Customer customer(Db db, String name, long... orders) {
    Customer c = Customers.create().name(name).exec(db).block();
    for (long cents : orders) {
      Orders.create().customerId(c.id()).cents(cents).exec(db).block();
    }
    return c;
  }

  static long delete(Db db, UUID id) {
    // snippet: soft-delete-delete
    Mono<Long> deleted = Customers.deleteById(id).exec(db);   // sets deletedAt, and the
                                                              // deleted flag of its orders
    Mono<List<Customer>> live = Customers.all().collect(db);  // ... WHERE deleted_at IS NULL
    // end-snippet
    long n = deleted.block();
    live.block();
    return n;
  }

  static List<Customer> everyone(Db db) {
    // snippet: soft-delete-opt-out
    Mono<List<Customer>> all = Customers.all().withDeleted().collect(db);
    Mono<List<Customer>> gone = Customers.all().onlyDeleted().collect(db);
    // end-snippet
    gone.block();
    return all.block();
  }

  static long restoreThenPurge(Db db, UUID id) {
    // snippet: soft-delete-restore
    Mono<Long> restored = Customers.filterById(id).restore().exec(db);   // deletedAt cleared
    Mono<Long> purged = Customers.all().onlyDeleted().purge().exec(db);  // removed for good
    // end-snippet
    return restored.block() * 10 + purged.block();
  }

  /** Restores the account {@code oldId}: fails while a live account has its email. */
  static Mono<Long> restoreAccount(Db db, UUID oldId) {
    // snippet: soft-delete-unique
    Mono<Long> restored = Accounts.filterById(oldId).restore().exec(db);
    // UniqueViolationException (Account.email) when a live account has the old one's email
    // end-snippet
    return restored;
  }

  /** The milestones before {@code last}: live ones only, then deleted ones too. */
  static List<List<String>> before(Db db, String last) {
    // snippet: soft-delete-path
    PathQuery<Milestone> before = PathQuery.from(Milestones.MODEL, Milestones.NAME.eq(last))
        .along(Milestones.AFTER.repeat(1, 10));
    Flux<Milestone> live = before.stream(db);                  // stops at a deleted milestone
    Flux<Milestone> all = before.withDeleted().stream(db);     // passes deleted milestones too
    // end-snippet
    return List.of(names(live), names(all));
  }

  private static List<String> names(Flux<Milestone> milestones) {
    return milestones.map(Milestone::name).sort().collectList().block();
  }
}
