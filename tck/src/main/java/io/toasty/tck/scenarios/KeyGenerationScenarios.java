package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Doc;
import io.toasty.tck.models.Docs;
import io.toasty.tck.models.Serial;
import io.toasty.tck.models.SerialCreate;
import io.toasty.tck.models.Serials;
import io.toasty.tck.models.Token;
import io.toasty.tck.models.Tokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Generated keys: database identities (increasing, returned on create) and engine-generated
 * UUIDs (version 7, time-ordered, by default; version 4 on request).
 */
@Models({Serials.class, Docs.class, Tokens.class})
public abstract class KeyGenerationScenarios {

  /** The Unix time in milliseconds a version 7 UUID carries in its top 48 bits. */
  static long v7Millis(UUID u) {
    return u.getMostSignificantBits() >>> 16;
  }

  @BackendTest
  @Requires(Need.IDENTITY_KEYS)
  public void identitiesIncrease(Db db) {
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < 10; i++) {
      long id = await(Serials.create().name("s" + i).exec(db)).id();
      assertTrue(id > previous, "identity " + id + " after " + previous);
      previous = id;
    }
  }

  @BackendTest
  @Requires(Need.IDENTITY_KEYS)
  public void identityReturnedOnCreateIsTheStoredKey(Db db) {
    Serial s = await(Serials.create().name("ann").exec(db));
    assertEquals("ann", await(Serials.getById(db, s.id())).name());
    assertEquals(List.of(s.id()), Fixtures.map(await(Serials.all().collect(db)), Serial::id));
  }

  @BackendTest
  @Requires(Need.IDENTITY_KEYS)
  public void identitiesOfADeletedRecordAreNotReused(Db db) {
    Serial a = await(Serials.create().name("a").exec(db));
    Serial b = await(Serials.create().name("b").exec(db));
    await(Serials.delete(b).exec(db));
    Serial c = await(Serials.create().name("c").exec(db));
    assertTrue(c.id() > b.id() && b.id() > a.id(), () -> a + ", " + b + ", " + c);
  }

  @BackendTest
  @Requires(Need.IDENTITY_KEYS)
  public void createManyReturnsDistinctIncreasingIdentitiesInOrder(Db db) {
    List<SerialCreate> creates = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      creates.add(Serials.create().name("u" + i));
    }
    List<Serial> serials = await(Serials.createMany(creates).exec(db));
    assertEquals(List.of("u0", "u1", "u2", "u3", "u4", "u5"),
        Fixtures.map(serials, Serial::name));
    for (int i = 1; i < serials.size(); i++) {
      assertTrue(serials.get(i).id() > serials.get(i - 1).id(), () -> "ids " + serials);
    }
    for (Serial s : serials) {
      assertEquals(s, await(Serials.getById(db, s.id())));
    }
  }

  @BackendTest
  public void uuidKeysAreVersion7ByDefault(Db db) {
    long before = System.currentTimeMillis();
    Doc d = await(Docs.create().title("t").exec(db));
    long after = System.currentTimeMillis();
    assertEquals(7, d.id().version(), () -> d.id().toString());
    assertEquals(2, d.id().variant(), () -> d.id().toString());
    assertTrue(v7Millis(d.id()) >= before && v7Millis(d.id()) <= after,
        () -> "timestamp " + v7Millis(d.id()) + " outside [" + before + ", " + after + "]");
    assertEquals(d, await(Docs.getById(db, d.id())));
  }

  @BackendTest
  public void version7KeysAreTimeOrderedAndDistinct(Db db) throws InterruptedException {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(await(Docs.create().title("t" + i).exec(db)).id());
      if (i % 5 == 4) {
        Thread.sleep(2);
      }
    }
    assertEquals(20, new HashSet<>(ids).size(), () -> "duplicates in " + ids);
    for (int i = 1; i < ids.size(); i++) {
      assertTrue(v7Millis(ids.get(i)) >= v7Millis(ids.get(i - 1)), () -> "not time-ordered: "
          + ids);
    }
    assertTrue(v7Millis(ids.get(19)) > v7Millis(ids.get(0)), () -> "no time passed: " + ids);
  }

  @BackendTest
  public void uuidKeysAreVersion4OnRequest(Db db) {
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      Token t = await(Tokens.create().label("l" + i).exec(db));
      assertEquals(4, t.id().version(), () -> t.id().toString());
      assertEquals(2, t.id().variant(), () -> t.id().toString());
      ids.add(t.id());
    }
    assertEquals(10, ids.size());
    assertEquals(10, await(Tokens.all().collect(db)).size());
  }

  @BackendTest
  public void anExplicitUuidKeyIsKept(Db db) {
    UUID id = UUID.fromString("11111111-2222-4333-8444-555555555555");
    Doc d = await(Docs.create().id(id).title("mine").exec(db));
    assertEquals(id, d.id());
    assertEquals(new Doc(id, "mine"), await(Docs.getById(db, id)));
  }

  @BackendTest
  public void createManyGeneratesAUuidPerRecord(Db db) {
    List<Doc> docs = await(Docs.createMany(List.of(Docs.create().title("a"),
        Docs.create().title("b"), Docs.create().title("c"))).exec(db));
    assertEquals(List.of("a", "b", "c"), Fixtures.map(docs, Doc::title));
    assertEquals(3, new HashSet<>(Fixtures.map(docs, Doc::id)).size());
    for (Doc d : docs) {
      assertEquals(7, d.id().version());
      assertEquals(d, await(Docs.getById(db, d.id())));
    }
  }
}
