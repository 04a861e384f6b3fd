package io.toasty.docs.softdelete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.docs.neo4j.InProcessNeo4j;
import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.neo4j.harness.Neo4j;

/** Runs the examples of docs/models.md, Soft delete, on H2; its unique email on Neo4j too. */
class SoftDeleteGuideTest {

  @Test
  void theGuideRunsAsWrittenOnH2() {
    Db db = SoftDeleteGuide.open("r2dbc:h2:mem:///soft-delete-guide");
    try {
      Customer ann = SoftDeleteGuide.customer(db, "Ann", 100, 200);
      Customer bob = SoftDeleteGuide.customer(db, "Bob", 300);
      Customer cy = SoftDeleteGuide.customer(db, "Cy");
      assertEquals(1L, SoftDeleteGuide.delete(db, ann.id()));
      assertEquals(1L, SoftDeleteGuide.delete(db, cy.id()));
      assertEquals(List.of("Bob"), Customers.all().collect(db).block().stream()
          .map(Customer::name).toList());
      assertEquals(1L, Orders.all().count(db).block());
      assertEquals(2L, Orders.all().onlyDeleted().count(db).block());
      assertEquals(3, SoftDeleteGuide.everyone(db).size());
      assertTrue(Customers.filterById(ann.id()).withDeleted().first(db).block()
          .deletedAt().isPresent());
      // Ann restored, Cy purged
      assertEquals(11L, SoftDeleteGuide.restoreThenPurge(db, ann.id()));
      assertEquals(List.of("Ann", "Bob"), Customers.all().withDeleted().collect(db).block()
          .stream().map(Customer::name).sorted().toList());
      assertEquals(bob.id(), Customers.filterById(bob.id()).first(db).block().id());
      Milestone plan = Milestones.create().name("plan").exec(db).block();
      Milestone build = Milestones.create().name("build").afterId(plan.id()).exec(db).block();
      Milestones.create().name("ship").afterId(build.id()).exec(db).block();
      assertEquals(List.of(List.of("build", "plan"), List.of("build", "plan")),
          SoftDeleteGuide.before(db, "ship"));
      Milestones.deleteById(build.id()).exec(db).block();
      assertEquals(List.of(List.of(), List.of("build", "plan")),
          SoftDeleteGuide.before(db, "ship"));
    } finally {
      db.close().block();
    }
  }

  @Test
  void aDeletedAccountGivesUpItsEmailOnH2() {
    Db db = SoftDeleteGuide.open("r2dbc:h2:mem:///soft-delete-guide-unique");
    try {
      aDeletedAccountGivesUpItsEmail(db);
    } finally {
      db.close().block();
    }
  }

  /** Neo4j keeps the email unique among the nodes that hold {@code toasty_live} (docs/neo4j.md). */
  @Test
  void aDeletedAccountGivesUpItsEmailOnNeo4j() {
    // the server the guides share, under a label prefix of this guide's own
    Neo4j neo4j = InProcessNeo4j.shared();
    Db db = SoftDeleteGuide.open(neo4j.boltURI() + "?labelPrefix=soft_");
    try {
      aDeletedAccountGivesUpItsEmail(db);
    } finally {
      db.close().block();
    }
  }

  private static void aDeletedAccountGivesUpItsEmail(Db db) {
    Account old = Accounts.create().email("a@example.com").exec(db).block();
    Invite invite = Invites.create().accountEmail("a@example.com").exec(db).block();
    Accounts.deleteById(old.id()).exec(db).block();
    Account now = Accounts.create().email("a@example.com").exec(db).block();
    // the invite's key names the live account with the email: the new one
    assertEquals(Optional.of(now.id()), Invites.filterById(invite.id())
        .include(Invites.ACCOUNT).first(db).block().account().get().map(Account::id));
    UniqueViolationException e = assertThrows(UniqueViolationException.class,
        () -> SoftDeleteGuide.restoreAccount(db, old.id()).block());
    assertEquals(Optional.of("Account"), e.model());
    assertEquals(Optional.of("email"), e.field());
    Accounts.deleteById(now.id()).exec(db).block();
    assertEquals(1L, SoftDeleteGuide.restoreAccount(db, old.id()).block());
  }
}
