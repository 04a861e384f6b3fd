package io.toasty.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.docs.model.Account;
import io.toasty.docs.model.Article;
import io.toasty.docs.model.Post;
import io.toasty.docs.model.Reading;
import io.toasty.docs.model.Shipment;
import io.toasty.docs.model.Shop;
import io.toasty.docs.model.Subscription;
import io.toasty.docs.model.Ticket;
import io.toasty.reactive.Db;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the examples of docs/models.md. */
class ModelsGuideTest {
  private Db db;

  @BeforeEach
  void open() {
    db = ModelsGuide.open("r2dbc:h2:mem:///models-guide");
  }

  @AfterEach
  void close() {
    db.close().block();
  }

  @Test
  void compositeKeysFindTheReading() {
    List<Reading> both = ModelsGuide.compositeKeys(db);
    assertEquals(both.get(0), both.get(1));
    assertEquals(0, new BigDecimal("21.5").compareTo(both.get(0).celsius()));
  }

  @Test
  void uuidKeysAreVersion7AndDefaultsApply() {
    Article a = ModelsGuide.uuidKeys(db);
    assertEquals(7, a.id().version());
    assertEquals(Article.Status.PUBLISHED, a.status());
    assertEquals(Optional.of(LocalDate.of(2026, 6, 1)), a.publishedOn());
    assertTrue(a.title().equals("Hello"));
  }

  @Test
  void aCheckedCreateSetsTheRequiredFieldsFirst() {
    Article a = ModelsGuide.createChecked(db);
    assertEquals("Checked", a.title());
    assertEquals(Article.Status.DRAFT, a.status());
    assertEquals(Optional.of(LocalDate.of(2026, 6, 2)), a.publishedOn());
  }

  @Test
  void anEmbeddedKeyFindsUpdatesAndFiltersByTheRecord() {
    List<Shipment> found = ModelsGuide.embeddedKeys(db);
    assertEquals("Posten", found.get(0).carrier());
    assertEquals("Bring", found.get(1).carrier());
    assertEquals(found.get(0).id(), found.get(1).id());
  }

  @Test
  void sealedValuesAreWrittenFilteredAndReplacedWhole() {
    List<Subscription> found = ModelsGuide.sealed(db);
    Subscription.Status suspended = new Subscription.Suspended("payment failed",
        Optional.empty());
    assertEquals(suspended, found.get(0).status());
    assertEquals(found.get(0), found.get(1));
    assertEquals(Optional.of(new Subscription.Paid(1999)), found.get(0).plan());
    // Paying: the isNot filter found none, so the example returned the created record.
    assertEquals(new Subscription.Active(), found.get(2).status());
  }

  @Test
  void embeddedRecordsAreWrittenFilteredAndUpdated() {
    List<Shop> shops = ModelsGuide.embedded(db);
    Shop.Address oslo = new Shop.Address("Karl Johans gate 1", "Oslo", Optional.of("0154"));
    assertEquals(oslo, shops.get(0).address());
    assertEquals(Optional.empty(), shops.get(0).billingAddress());
    assertEquals(new Shop.Address(oslo.street(), "Oslo", Optional.of("0155")),
        shops.get(1).address());
    assertEquals(Optional.of(oslo), shops.get(1).billingAddress());
  }

  @Test
  void jsonDocumentsAreWrittenFilteredByPathAndReadBack(@org.junit.jupiter.api.io.TempDir
      Path dir) {
    List<Account> accounts =
        ModelsGuide.json("r2dbc:sqlite:///" + dir.resolve("accounts.db"));
    assertEquals("dark", accounts.get(0).settings().theme());
    assertEquals(Map.of("daily", 100), accounts.get(0).settings().limits());
    assertEquals(new Account.Settings("light", Map.of()),
        accounts.get(1).settings());
    assertEquals(Optional.empty(), accounts.get(1).tags());
  }

  @Test
  void sealedDocumentsAreWrittenFilteredByVariantAndReadBack(@org.junit.jupiter.api.io.TempDir
      Path dir) {
    List<Ticket> tickets =
        ModelsGuide.sealedDocuments("r2dbc:sqlite:///" + dir.resolve("tickets.db"));
    Ticket.Blocked blocked = new Ticket.Blocked(
        "waiting for review", List.of("ann", "bob"));
    assertEquals(blocked, tickets.get(0).stage());
    assertEquals(blocked, tickets.get(1).stage());
    assertEquals(new Ticket.Done(90), tickets.get(2).stage());
    assertEquals(Optional.of(blocked), tickets.get(2).previous());
  }

  @Test
  void collectionsAreWrittenFilteredByItemAndReplacedWhole(@org.junit.jupiter.api.io.TempDir
      Path dir) {
    List<Post> posts =
        ModelsGuide.collections("r2dbc:sqlite:///" + dir.resolve("posts.db"));
    assertEquals(List.of("sql", "java"), posts.get(0).tags());
    assertEquals(Set.of(7L, 9L), posts.get(1).readers());
    assertEquals(List.of("sql"), posts.get(2).tags());
    assertEquals(Optional.of(List.of()), posts.get(2).related());
    assertEquals(Map.of("up", 3), posts.get(2).votes());
  }

  @Test
  void aListIsAppendedToWithoutReadingTheRecord() throws Exception {
    try (DynamoLocal local = DynamoLocal.start()) {
      Post read = ModelsGuide.appends(local.url("models_"));
      assertEquals(List.of("sql", "java", "r2dbc"), read.tags());
    }
  }

  @Test
  void setsListsAndMapsChangeWithoutReadingTheRecord(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    List<Post> reads = new ArrayList<>();
    reads.add(ModelsGuide.changes("r2dbc:sqlite:///" + dir.resolve("changes.db")));
    try (DynamoLocal local = DynamoLocal.start()) {
      reads.add(ModelsGuide.changes(local.url("changes_")));
    }
    for (Post read : reads) {
      assertEquals(Set.of(9L, 11L), read.readers());
      assertEquals(List.of("b"), read.tags());
      assertEquals(Map.of("up", 4), read.votes());
    }
  }

  @Test
  void aListIsAppendedToOnSqlToo(@org.junit.jupiter.api.io.TempDir Path dir) {
    Post read =
        ModelsGuide.appends("r2dbc:sqlite:///" + dir.resolve("appends.db"));
    assertEquals(List.of("sql", "java", "r2dbc"), read.tags());
  }
}
