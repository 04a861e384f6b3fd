package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Select;
import io.toasty.error.InvalidStatementException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Address;
import io.toasty.tck.models.Customer;
import io.toasty.tck.models.CustomerCreate;
import io.toasty.tck.models.Customers;
import io.toasty.tck.models.Geo;
import io.toasty.tck.models.Money;
import io.toasty.tck.models.Parcel;
import io.toasty.tck.models.ParcelCreate;
import io.toasty.tck.models.Parcels;
import io.toasty.tck.models.Purchase;
import io.toasty.tck.models.Purchases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;

/**
 * Embedded records, stored flattened into their model's columns: written whole, read back
 * reassembled, filtered, ordered and updated through their inner fields' paths, absent when all
 * the columns of an {@code Optional} one are NULL, nested two deep, next to relations; and a
 * round trip of random values.
 */
@Models({Customers.class, Purchases.class, Parcels.class})
public abstract class EmbeddedScenarios {
  private static final Address OSLO = new Address("Karl Johans gate 1", "Oslo",
      Optional.of("0154"), Optional.of(new Geo(59, 10)));
  private static final Address LIMA = new Address("Jirón de la Unión 5", "Lima",
      Optional.empty(), Optional.empty());
  private static final Address BERN = new Address("Bundesplatz 3", "Bern", Optional.of("3005"),
      Optional.of(new Geo(46, 7)));

  private static Customer customer(Db db, String name, Address home, Optional<Address> work) {
    return await(Customers.create().id(UUID.randomUUID()).name(name).home(home).work(work)
        .exec(db));
  }

  private static Customer reread(Db db, Customer c) {
    return await(Customers.getById(db, c.id()));
  }

  @BackendTest
  public void aCreatedRecordReadsBackItsEmbeddedValues(Db db) {
    Customer c = customer(db, "ann", OSLO, Optional.of(LIMA));
    assertEquals(OSLO, c.home());
    assertEquals(Optional.of(LIMA), c.work());
    Customer read = reread(db, c);
    assertEquals(OSLO, read.home());
    assertEquals(Optional.of(LIMA), read.work());
  }

  @BackendTest
  public void anAbsentOptionalEmbeddedValueReadsBackEmpty(Db db) {
    Customer c = customer(db, "ann", LIMA, Optional.empty());
    assertEquals(Optional.empty(), reread(db, c).work());
    assertEquals(List.of(c.id()), await(Customers.filter(Customers.WORK.isNull()).collect(db))
        .stream().map(Customer::id).toList());
    assertEquals(List.of(), await(Customers.filter(Customers.WORK.isNotNull()).collect(db)));
  }

  @BackendTest
  public void aFilterReachesAnInnerField(Db db) {
    customer(db, "ann", OSLO, Optional.empty());
    customer(db, "bob", LIMA, Optional.of(OSLO));
    customer(db, "cid", BERN, Optional.of(LIMA));
    assertEquals(List.of("ann"), names(db, Customers.filter(Customers.HOME.CITY.eq("Oslo"))));
    assertEquals(List.of("bob"), names(db, Customers.filter(Customers.WORK.CITY.eq("Oslo"))));
    assertEquals(List.of("ann", "cid"),
        names(db, Customers.filter(Customers.HOME.ZIP.isNotNull())));
  }

  @BackendTest
  public void aFilterReachesTwoLevelsDeep(Db db) {
    customer(db, "ann", OSLO, Optional.empty());
    customer(db, "bob", LIMA, Optional.of(BERN));
    customer(db, "cid", BERN, Optional.of(LIMA));
    assertEquals(List.of("ann"), names(db, Customers.filter(Customers.HOME.GEO.LAT.gt(50))));
    assertEquals(List.of("bob"), names(db, Customers.filter(Customers.WORK.GEO.LON.eq(7))));
    assertEquals(List.of("bob"), names(db, Customers.filter(Customers.HOME.GEO.isNull())));
  }

  /** On DynamoDB an embedded record is no sort key: the engine sorts after the read. */
  @BackendTest
  @Requires(Need.ORDER_BY)
  public void recordsOrderByAnInnerField(Db db) {
    customer(db, "ann", OSLO, Optional.empty());
    customer(db, "bob", LIMA, Optional.empty());
    customer(db, "cid", BERN, Optional.empty());
    assertEquals(List.of("cid", "bob", "ann"), await(Customers.all()
        .orderBy(Customers.HOME.CITY.asc()).collect(db)).stream().map(Customer::name).toList());
    assertEquals(List.of("ann", "cid"), await(Customers.filter(Customers.HOME.GEO.isNotNull())
        .orderBy(Customers.HOME.GEO.LAT.desc(), Customers.NAME.asc()).collect(db)).stream()
        .map(Customer::name).toList());
  }

  @BackendTest
  public void anUpdateReplacesAWholeEmbeddedValue(Db db) {
    Customer c = customer(db, "ann", OSLO, Optional.of(BERN));
    Customer updated = await(Customers.update(c).home(LIMA).work(Optional.empty()).exec(db));
    assertEquals(LIMA, updated.home());
    assertEquals(Optional.empty(), updated.work());
    assertEquals(LIMA, reread(db, c).home());
    assertEquals(1L, await(Customers.updateById(c.id()).work(OSLO).exec(db)));
    assertEquals(Optional.of(OSLO), reread(db, c).work());
  }

  @BackendTest
  public void anUpdateSetsOneInnerField(Db db) {
    Customer c = customer(db, "ann", OSLO, Optional.empty());
    customer(db, "bob", OSLO, Optional.empty());
    assertEquals(1L, await(Customers.updateById(c.id()).set(Customers.HOME.CITY, "Bergen")
        .set(Customers.HOME.ZIP, "5003").exec(db)));
    assertEquals(new Address(OSLO.street(), "Bergen", Optional.of("5003"), OSLO.geo()),
        reread(db, c).home());
    assertEquals(List.of("bob"), names(db, Customers.filter(Customers.HOME.CITY.eq("Oslo"))));
  }

  /** An Optional embedded value is absent when all its columns are NULL: set whole, never half. */
  @BackendTest
  public void aFieldOfAnOptionalEmbeddedValueIsNotSetAlone(Db db) {
    Customer c = customer(db, "ann", LIMA, Optional.empty());
    InvalidStatementException e = Assertions.assertThrows(
        InvalidStatementException.class,
        () -> Customers.updateById(c.id()).set(Customers.WORK.CITY, "Oslo"));
    assertTrue(e.getMessage().contains("work.city") && e.getMessage().contains("work"),
        e.getMessage());
    assertThrows(() -> Customers.updateById(c.id()).set(Customers.HOME.GEO.LAT, 1));
    assertThrows(() -> Customers.create().set(Customers.HOME.GEO.LAT, 1));
    assertEquals(Optional.empty(), reread(db, c).work());
    assertEquals(LIMA, reread(db, c).home());
  }

  @BackendTest
  public void anUpdateSetsAnInnerFieldToAnExpression(Db db) {
    Customer c = customer(db, "ann", OSLO, Optional.empty());
    Purchase p = await(Purchases.create().id(UUID.randomUUID()).price(new Money(500, "EUR"))
        .customerId(c.id()).exec(db));
    await(Purchases.updateById(p.id()).set(Purchases.PRICE.CENTS, Purchases.PRICE.CENTS.plus(5L))
        .exec(db));
    assertEquals(new Money(505, "EUR"), await(Purchases.getById(db, p.id())).price());
  }

  @BackendTest
  public void anUpsertWritesWholeEmbeddedValuesOnBothPaths(Db db) {
    UUID id = UUID.randomUUID();
    Customer created = await(Customers.upsert().id(id).name("ann").home(OSLO).exec(db));
    assertEquals(OSLO, created.home());
    assertEquals(Optional.empty(), created.work());
    await(Customers.upsert().id(id).name("ann").home(LIMA).work(BERN).exec(db));
    Customer read = await(Customers.getById(db, id));
    assertEquals(LIMA, read.home());
    assertEquals(Optional.of(BERN), read.work());
  }

  @BackendTest
  public void anEmbeddedRecordWithoutAnnotatedTypeNextToAForeignKey(Db db) {
    Customer c = customer(db, "ann", OSLO, Optional.empty());
    Purchase p = await(Purchases.create().id(UUID.randomUUID()).price(new Money(1999, "NOK"))
        .customerId(c.id()).exec(db));
    assertEquals(new Money(1999, "NOK"), p.price());
    Purchase read = await(Purchases.filterById(p.id()).include(Purchases.CUSTOMER).first(db));
    assertEquals(new Money(1999, "NOK"), read.price());
    assertEquals(c.id(), read.customer().get().id());
    assertEquals(OSLO, read.customer().get().home());
  }

  @BackendTest
  public void aRecordWithEmbeddedValuesIncludesItsRelations(Db db) {
    Customer c = customer(db, "ann", BERN, Optional.of(OSLO));
    for (long cents : new long[] {100, 250}) {
      await(Purchases.create().id(UUID.randomUUID()).price(new Money(cents, "CHF"))
          .customerId(c.id()).exec(db));
    }
    Customer read = await(Customers.filterById(c.id()).include(Customers.PURCHASES).first(db));
    assertEquals(BERN, read.home());
    assertEquals(Optional.of(OSLO), read.work());
    assertEquals(List.of(100L, 250L), read.purchases().get().stream()
        .map(p -> p.price().cents()).sorted().toList());
    assertEquals(List.of(250L), await(Purchases.filter(Purchases.PRICE.CENTS.gt(200L))
        .collect(db)).stream().map(p -> p.price().cents()).toList());
  }

  @BackendTest
  public void nullInAFieldThatIsNotOptionalIsRefusedNamingIt(Db db) {
    InvalidStatementException e = Assertions.assertThrows(
        InvalidStatementException.class, () -> Customers.create().id(UUID.randomUUID())
            .name("ann").home(OSLO).work(new Address("street", null, Optional.empty(),
                Optional.empty())));
    assertTrue(e.getMessage().contains("work.city"), e.getMessage());
    assertThrows(() -> Customers.create().home(null));
    assertEquals(0L, await(Customers.all().count(db)));
  }

  private static void assertThrows(Runnable r) {
    Assertions.assertThrows(InvalidStatementException.class, r::run);
  }

  @BackendTest
  public void aCreateWithoutItsRequiredEmbeddedValueFailsNamingAField(Db db) {
    Exception e = failure(Exception.class, () -> Customers.create().id(UUID.randomUUID())
        .name("ann").exec(db));
    assertTrue(e.getMessage().contains("home."), e.getMessage());
  }

  /** 1,000 random parcels, each with a label and an optional one: 2,000 embedded values. */
  @BackendTest
  public void randomEmbeddedValuesRoundTrip(Db db) {
    Random random = new Random(17);
    Map<Long, Parcel> written = new HashMap<>();
    List<ParcelCreate> batch = new ArrayList<>();
    for (long id = 0; id < 1000; id++) {
      Parcel p = new Parcel(id, label(random), random.nextInt(3) == 0 ? Optional.empty()
          : Optional.of(label(random)));
      written.put(id, p);
      batch.add(Parcels.create().id(id).label(p.label()).returnLabel(p.returnLabel()));
      if (batch.size() == 25) {
        await(Parcels.createMany(batch).exec(db));
        batch.clear();
      }
    }
    List<String> differences = new ArrayList<>();
    for (Parcel read : await(Parcels.all().collect(db))) {
      if (!read.equals(written.remove(read.id()))) {
        differences.add(read.toString());
      }
    }
    written.values().forEach(p -> differences.add("missing " + p));
    assertEquals(List.of(), differences);
  }

  private static final String[] TEXTS = {"", " ", "a", "Grüße", "日本語テキスト", "🎉🚀",
      "שלום", "∀x∈ℝ", "'; DROP TABLE parcel; --", "back\\slash", "line\nbreak", "tab\t",
      "%_", "\"quoted\""};
  private static final long[] LONGS = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE,
      Integer.MAX_VALUE, Integer.MIN_VALUE};
  private static final int[] INTS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};

  private static Parcel.Label label(Random random) {
    return new Parcel.Label(text(random), random.nextBoolean() ? random.nextLong()
        : LONGS[random.nextInt(LONGS.length)],
        random.nextBoolean() ? random.nextInt() : INTS[random.nextInt(INTS.length)],
        random.nextBoolean(),
        random.nextBoolean() ? Optional.empty() : Optional.of(text(random)),
        random.nextBoolean() ? Optional.empty() : Optional.of(new Money(random.nextLong(),
            text(random))));
  }

  private static String text(Random random) {
    return RandomTexts.text(random, TEXTS);
  }

  /** The names of the records {@code query} finds, sorted here: every backend can run it. */
  private static List<String> names(Db db, Select<Customer> query) {
    return await(query.collect(db)).stream().map(Customer::name).sorted().toList();
  }
}
