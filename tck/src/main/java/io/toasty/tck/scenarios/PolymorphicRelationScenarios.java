package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.BelongsTo;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.PrActivities;
import io.toasty.tck.models.PrActivity;
import io.toasty.tck.models.PrActivity.PrLogin;
import io.toasty.tck.models.PrActivity.PrOrder;
import io.toasty.tck.models.PrLogins;
import io.toasty.tck.models.PrMember;
import io.toasty.tck.models.PrMembers;
import io.toasty.tck.models.PrNote;
import io.toasty.tck.models.PrNotes;
import io.toasty.tck.models.PrOrders;
import io.toasty.tck.models.PrTicket;
import io.toasty.tck.models.PrTickets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Relations to and from a polymorphic model: a has-many and a has-one to the hierarchy (its
 * includes read each related record as its variant), a belongs-to declared by every variant or
 * by one, a belongs-to from another model to the hierarchy; includes from the hierarchy's and a
 * variant's queries, relation filters, nested creates of variants, and deletes that cascade
 * through the hierarchy.
 */
@Models({PrMembers.class, PrActivities.class, PrTickets.class, PrNotes.class})
public abstract class PolymorphicRelationScenarios {
  /** A key for a record's foreign key that a nested create replaces with its parent's. */
  private static final UUID LINKED_BY_PARENT = new UUID(0, 0);

  private static PrMember member(Db db, String name) {
    return await(PrMembers.create().name(name).exec(db));
  }

  private static PrLogin login(Db db, PrMember member, String device) {
    return await(PrLogins.create(new PrLogin(UUID.randomUUID(), member.id(),
        BelongsTo.detached(), device)).exec(db));
  }

  private static PrOrder order(Db db, PrMember member, long cents, Optional<PrTicket> ticket) {
    return await(PrOrders.create(new PrOrder(UUID.randomUUID(), member.id(),
        BelongsTo.detached(), cents, ticket.map(PrTicket::id), BelongsTo.detached())).exec(db));
  }

  private static PrTicket ticket(Db db, String title) {
    return await(PrTickets.create().id(UUID.randomUUID()).title(title).exec(db));
  }

  /** An activity's variant and its own field, to compare without its relation handles. */
  private static String describe(PrActivity a) {
    if (a instanceof PrLogin l) {
      return "login " + l.device();
    }
    return "order " + ((PrOrder) a).cents();
  }

  private static List<String> described(List<? extends PrActivity> activities) {
    return activities.stream().map(PolymorphicRelationScenarios::describe).sorted().toList();
  }

  private static List<String> names(List<PrMember> members) {
    return members.stream().map(PrMember::name).sorted().toList();
  }

  @BackendTest
  public void includingTheHierarchyFromTheParentReadsEachVariant(Db db) {
    PrMember ann = member(db, "ann");
    PrMember bob = member(db, "bob");
    login(db, ann, "phone");
    order(db, ann, 1999, Optional.empty());
    login(db, bob, "laptop");
    member(db, "cid");
    List<PrMember> members = await(PrMembers.all().include(PrMembers.ACTIVITIES).collect(db));
    members = members.stream().sorted(Comparator.comparing(PrMember::name)).toList();
    assertEquals(List.of("login phone", "order 1999"),
        described(members.get(0).activities().get()));
    assertTrue(members.get(0).activities().get().stream().anyMatch(a -> a instanceof PrOrder));
    assertEquals(List.of("login laptop"), described(members.get(1).activities().get()));
    assertEquals(List.of(), members.get(2).activities().get());
  }

  @BackendTest
  public void includingTheParentFromTheHierarchysQueries(Db db) {
    PrMember ann = member(db, "ann");
    PrMember bob = member(db, "bob");
    login(db, ann, "phone");
    order(db, bob, 5, Optional.empty());
    List<PrActivity> all = await(PrActivities.all().include(PrActivities.MEMBER).collect(db));
    assertEquals(2, all.size());
    for (PrActivity a : all) {
      // declared on the interface, so reached without knowing the variant
      assertEquals(a instanceof PrLogin ? "ann" : "bob", a.member().get().name());
      assertEquals(a.memberId(), a.member().get().id());
    }
  }

  @BackendTest
  public void includingTheParentFromAVariantsQueries(Db db) {
    PrMember ann = member(db, "ann");
    login(db, ann, "phone");
    login(db, ann, "tablet");
    order(db, member(db, "bob"), 5, Optional.empty());
    List<PrLogin> logins = await(PrLogins.all().include(PrLogins.MEMBER).collect(db));
    assertEquals(List.of("login phone", "login tablet"), described(logins));
    assertTrue(logins.stream().allMatch(l -> l.member().get().name().equals("ann")));
    List<PrOrder> orders = await(PrOrders.all().include(PrOrders.MEMBER).collect(db));
    assertEquals("bob", orders.get(0).member().get().name());
    assertFalse(orders.get(0).ticket().isLoaded());
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void aBelongsToOneVariantDeclares(Db db) {
    PrMember ann = member(db, "ann");
    PrTicket help = ticket(db, "help");
    PrOrder placed = order(db, ann, 300, Optional.of(help));
    order(db, ann, 400, Optional.empty());
    login(db, ann, "phone");
    List<PrOrder> orders = await(PrOrders.all().include(PrOrders.TICKET).collect(db));
    assertEquals(List.of(Optional.of("help"), Optional.empty()), orders.stream()
        .sorted(Comparator.comparingLong(PrOrder::cents))
        .map(o -> o.ticket().get().map(PrTicket::title)).toList());
    // from the hierarchy's query: the logins, which lack the relation, read it as nothing
    List<PrActivity> all = await(PrActivities.filter(PrActivities.TICKET.isPresent())
        .collect(db));
    assertEquals(List.of(placed.id()), all.stream().map(a -> ((PrOrder) a).id()).toList());
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void aHasOneToTheHierarchy(Db db) {
    PrMember ann = member(db, "ann");
    PrTicket help = ticket(db, "help");
    ticket(db, "idle");
    order(db, ann, 300, Optional.of(help));
    List<PrTicket> tickets = await(PrTickets.all().include(PrTickets.ORDER).collect(db));
    tickets = tickets.stream().sorted(Comparator.comparing(PrTicket::title)).toList();
    assertEquals("order 300", describe(tickets.get(0).order().get().orElseThrow()));
    assertEquals(Optional.empty(), tickets.get(1).order().get());
    assertEquals(List.of("help"), await(PrTickets.filter(PrTickets.ORDER.isPresent())
        .collect(db)).stream().map(PrTicket::title).toList());
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void relationFiltersOverTheHierarchy(Db db) {
    PrMember ann = member(db, "ann");
    PrMember bob = member(db, "bob");
    member(db, "cid");
    login(db, ann, "phone");
    order(db, ann, 50, Optional.empty());
    login(db, bob, "laptop");
    assertEquals(List.of("ann", "bob"), names(await(PrMembers.filter(PrMembers.ACTIVITIES.any())
        .collect(db))));
    assertEquals(List.of("ann"), names(await(PrMembers.filter(PrMembers.ACTIVITIES.any(
        PrActivities.is(PrOrder.class))).collect(db))));
    assertEquals(List.of("ann"), names(await(PrMembers.filter(PrMembers.ACTIVITIES.any(
        PrActivities.CENTS.gt(10L))).collect(db))));
    assertEquals(List.of("bob", "cid"), names(await(PrMembers.filter(PrMembers.ACTIVITIES.none(
        PrActivities.is(PrOrder.class))).collect(db))));
    assertEquals(List.of("bob", "cid"), names(await(PrMembers.filter(PrMembers.ACTIVITIES.every(
        PrActivities.is(PrLogin.class))).collect(db))));
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void filtersOnTheParentFromTheHierarchyAndAVariant(Db db) {
    PrMember ann = member(db, "ann");
    PrMember bob = member(db, "bob");
    login(db, ann, "phone");
    order(db, ann, 7, Optional.empty());
    login(db, bob, "laptop");
    assertEquals(List.of("login phone", "order 7"), described(await(PrActivities.filter(
        PrActivities.MEMBER.is(PrMembers.NAME.eq("ann"))).collect(db))));
    assertEquals(List.of("login laptop"), described(await(PrLogins.filter(
        PrLogins.MEMBER.is(PrMembers.NAME.eq("bob"))).collect(db))));
    assertEquals(List.of(), await(PrOrders.filter(PrOrders.MEMBER.is(PrMembers.NAME.eq("bob")))
        .collect(db)));
  }

  @BackendTest
  public void aScopedIncludeReadsOneVariant(Db db) {
    PrMember ann = member(db, "ann");
    login(db, ann, "phone");
    order(db, ann, 9, Optional.empty());
    order(db, ann, 10, Optional.empty());
    PrMember read = await(PrMembers.filterById(ann.id())
        .include(PrMembers.ACTIVITIES.filter(PrActivities.is(PrOrder.class))).first(db));
    assertEquals(List.of("order 10", "order 9"), described(read.activities().get()));
  }

  @BackendTest
  public void theRelationQueriesOfALoadedRecord(Db db) {
    PrMember ann = member(db, "ann");
    PrLogin phone = login(db, ann, "phone");
    order(db, ann, 3, Optional.empty());
    login(db, member(db, "bob"), "laptop");
    assertEquals(List.of("login phone", "order 3"), described(await(ann.activities()
        .collect(db))));
    assertEquals(1L, await(ann.activities().filter(PrActivities.is(PrLogin.class)).count(db)));
    PrLogin read = await(PrLogins.getById(db, phone.id()));
    assertEquals("ann", await(read.member().get(db)).name());
  }

  @BackendTest
  @Requires(Need.NESTED_CREATE)
  public void nestedCreatesOfVariants(Db db) {
    UUID loginId = UUID.randomUUID();
    UUID orderId = UUID.randomUUID();
    PrMember ann = await(PrMembers.create().name("ann").activities(
        PrLogins.create(new PrLogin(loginId, LINKED_BY_PARENT, BelongsTo.detached(), "phone")),
        PrOrders.create(new PrOrder(orderId, LINKED_BY_PARENT, BelongsTo.detached(), 42,
            Optional.empty(), BelongsTo.detached()))).exec(db));
    assertEquals(ann.id(), await(PrLogins.getById(db, loginId)).memberId());
    assertEquals(ann.id(), await(PrOrders.getById(db, orderId)).memberId());
    PrMember read = await(PrMembers.filterById(ann.id()).include(PrMembers.ACTIVITIES)
        .first(db));
    assertEquals(List.of("login phone", "order 42"), described(read.activities().get()));
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void aHasManyToOneVariantReadsThatVariantOnly(Db db) {
    PrMember ann = member(db, "ann");
    PrMember bob = member(db, "bob");
    order(db, ann, 7, Optional.empty());
    order(db, ann, 8, Optional.empty());
    login(db, ann, "phone");
    login(db, bob, "laptop");
    List<PrMember> members = await(PrMembers.all().include(PrMembers.ORDERS).collect(db))
        .stream().sorted(Comparator.comparing(PrMember::name)).toList();
    assertEquals(List.of("order 7", "order 8"), described(members.get(0).orders().get()));
    assertEquals(List.of(), members.get(1).orders().get());
    // the relation's filters see its variant only: bob's login is no order
    assertEquals(List.of("ann"), names(await(PrMembers.filter(PrMembers.ORDERS.any())
        .collect(db))));
    assertEquals(List.of("bob"), names(await(PrMembers.filter(PrMembers.ORDERS.none())
        .collect(db))));
    assertEquals(List.of("bob"), names(await(PrMembers.filter(PrMembers.ORDERS.none(
        PrActivities.CENTS.lt(8L))).collect(db))));
    // and so do a loaded record's queries
    assertEquals(List.of("order 7", "order 8"), described(await(ann.orders().collect(db))));
    assertEquals(0L, await(bob.orders().count(db)));
  }

  @BackendTest
  @Requires(Need.NESTED_CREATE)
  public void createsThroughARelationToOneVariant(Db db) {
    PrMember ann = await(PrMembers.create().name("ann").orders(PrOrders.create(new PrOrder(
        UUID.randomUUID(), LINKED_BY_PARENT, BelongsTo.detached(), 11, Optional.empty(),
        BelongsTo.detached()))).exec(db));
    PrOrder scoped = await(ann.orders().create(PrOrders.create(new PrOrder(UUID.randomUUID(),
        LINKED_BY_PARENT, BelongsTo.detached(), 12, Optional.empty(), BelongsTo.detached())))
        .exec(db));
    assertEquals(ann.id(), scoped.memberId());
    assertEquals(List.of("order 11", "order 12"), described(await(PrOrders.filter(
        PrOrders.MEMBER.is(PrMembers.NAME.eq("ann"))).collect(db))));
  }

  @BackendTest
  public void aBelongsToTheHierarchyFromAnotherModel(Db db) {
    PrMember ann = member(db, "ann");
    PrLogin phone = login(db, ann, "phone");
    PrOrder big = order(db, ann, 900, Optional.empty());
    await(PrNotes.create().id(UUID.randomUUID()).activity(phone).text("new device").exec(db));
    await(PrNotes.create().id(UUID.randomUUID()).activity(big).text("check").exec(db));
    List<PrNote> notes = await(PrNotes.all().include(PrNotes.ACTIVITY).collect(db));
    assertEquals(List.of("check: order 900", "new device: login phone"), notes.stream()
        .map(n -> n.text() + ": " + describe(n.activity().get())).sorted().toList());
  }

  @BackendTest
  @Requires(Need.CASCADING_DELETE)
  public void deletingTheParentDeletesItsRecordsOfEveryVariantAndTheirs(Db db) {
    PrMember ann = member(db, "ann");
    PrMember bob = member(db, "bob");
    PrLogin phone = login(db, ann, "phone");
    order(db, ann, 5, Optional.empty());
    PrLogin laptop = login(db, bob, "laptop");
    await(PrNotes.create().id(UUID.randomUUID()).activity(phone).text("gone").exec(db));
    await(PrNotes.create().id(UUID.randomUUID()).activity(laptop).text("kept").exec(db));
    assertEquals(1L, await(PrMembers.delete(ann).exec(db)));
    assertEquals(List.of("login laptop"), described(await(PrActivities.all().collect(db))));
    assertEquals(List.of("kept"), await(PrNotes.all().collect(db)).stream().map(PrNote::text)
        .toList());
  }

  @BackendTest
  @Requires(Need.CASCADING_DELETE)
  public void deletingAnOptionalParentUnlinksTheVariantsRecords(Db db) {
    PrMember ann = member(db, "ann");
    PrTicket help = ticket(db, "help");
    PrOrder placed = order(db, ann, 300, Optional.of(help));
    assertEquals(1L, await(PrTickets.delete(help).exec(db)));
    PrOrder read = await(PrOrders.getById(db, placed.id()));
    assertEquals(Optional.empty(), read.ticketId());
    assertEquals(300L, read.cents());
    assertEquals(1L, await(PrActivities.all().count(db)));
  }

  @BackendTest
  @Requires(Need.CASCADING_DELETE)
  public void deletingAVariantsRecordDeletesWhatBelongsToIt(Db db) {
    PrMember ann = member(db, "ann");
    PrLogin phone = login(db, ann, "phone");
    PrOrder big = order(db, ann, 900, Optional.empty());
    await(PrNotes.create().id(UUID.randomUUID()).activity(phone).text("a").exec(db));
    await(PrNotes.create().id(UUID.randomUUID()).activity(big).text("b").exec(db));
    assertEquals(1L, await(PrLogins.deleteById(phone.id()).exec(db)));
    assertEquals(List.of("b"), await(PrNotes.all().collect(db)).stream().map(PrNote::text)
        .toList());
    // a variant's delete by another variant's key deletes nothing, and cascades nothing
    assertEquals(0L, await(PrLogins.deleteById(big.id()).exec(db)));
    assertEquals(1L, await(PrNotes.all().count(db)));
  }
}
