package io.toasty.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.toasty.docs.model.Account;
import io.toasty.docs.model.Accounts;
import io.toasty.docs.model.Article;
import io.toasty.docs.model.Articles;
import io.toasty.docs.model.Post;
import io.toasty.docs.model.Posts;
import io.toasty.docs.model.Reading;
import io.toasty.docs.model.Readings;
import io.toasty.docs.model.Shipment;
import io.toasty.docs.model.Shipments;
import io.toasty.docs.model.Shop;
import io.toasty.docs.model.Shops;
import io.toasty.docs.model.Subscription;
import io.toasty.docs.model.Subscriptions;
import io.toasty.docs.model.Ticket;
import io.toasty.docs.model.Tickets;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The examples of {@code docs/models.md}. */
final class ModelsGuide {
  private ModelsGuide() {}

  static Db open(String url) {
    Db db = Toasty.builder().models(Readings.MODEL, Articles.MODEL, Shops.MODEL,
        Subscriptions.MODEL, Shipments.MODEL).url(url).build();
    db.schema().push().block();
    return db;
  }

  static List<Reading> compositeKeys(Db db) {
    // snippet: composite-key-use
    Instant noon = Instant.parse("2026-06-01T12:00:00Z");
    Readings.create().sensor("roof").takenAt(noon).celsius(new BigDecimal("21.5")).exec(db).block();
    Reading one = Readings.getBySensorAndTakenAt(db, "roof", noon).block();
    List<Reading> roof = Readings.filter(Readings.SENSOR.eq("roof"))
        .orderBy(Readings.TAKEN_AT.desc())
        .collect(db).block();
    // end-snippet
    return List.of(one, roof.get(0));
  }

  static Article uuidKeys(Db db) {
    // snippet: uuid-key-use
    Article draft = Articles.create().title("Hello").exec(db).block();   // id and status filled in
    Article published = Articles.update(draft)
        .status(Article.Status.PUBLISHED)
        .publishedOn(LocalDate.of(2026, 6, 1))
        .exec(db).block();
    // end-snippet
    return published;
  }

  static Article createChecked(Db db) {
    // snippet: create-checked
    Article checked = Articles.createChecked()
        .title("Checked")                        // required: exec(db) is out of reach before it
        .publishedOn(LocalDate.of(2026, 6, 2))   // then the optional fields, in any order
        .exec(db).block();
    // Articles.createChecked().exec(db) does not compile:
    //   cannot find symbol: method exec(Db), location: interface ArticleCreateStages.NeedsTitle
    // end-snippet
    return checked;
  }

  static List<Shop> embedded(Db db) {
    // snippet: embedded-use
    Shop.Address oslo = new Shop.Address("Karl Johans gate 1", "Oslo", Optional.of("0154"));
    Shop shop = Shops.create().id(UUID.randomUUID()).name("Corner")
        .address(oslo)                      // all the address's columns
        .exec(db).block();                  // billingAddress left empty: its columns NULL
    List<Shop> inOslo = Shops.filter(Shops.ADDRESS.CITY.eq("Oslo"))
        .orderBy(Shops.ADDRESS.STREET.asc())
        .collect(db).block();
    Shops.update(shop)
        .set(Shops.ADDRESS.ZIP, "0155")     // one inner field
        .billingAddress(oslo)               // a whole value
        .exec(db).block();
    List<Shop> billed = Shops.filter(Shops.BILLING_ADDRESS.isNotNull()).collect(db).block();
    // end-snippet
    return List.of(inOslo.get(0), billed.get(0));
  }

  static List<Shipment> embeddedKeys(Db db) {
    // snippet: embedded-key-use
    Shipment.ShipmentId id = new Shipment.ShipmentId(1042, 1);
    Shipments.create().id(id).carrier("Posten").sentAt(Instant.parse("2026-06-01T09:00:00Z"))
        .exec(db).block();
    Shipment one = Shipments.getById(db, id).block();            // the key record, whole
    Shipments.updateById(id).carrier("Bring").exec(db).block();
    List<Shipment> order = Shipments.filter(Shipments.ID.ORDER_ID.eq(1042L))   // a key part
        .orderBy(Shipments.ID.PARCEL.asc())
        .collect(db).block();
    Shipments.deleteById(new Shipment.ShipmentId(1042, 2)).exec(db).block();  // none: 0 rows
    // end-snippet
    return List.of(one, order.get(0));
  }

  static List<Subscription> sealed(Db db) {
    // snippet: sealed-use
    Subscription s = Subscriptions.create().id(UUID.randomUUID()).email("ann@example.com")
        .status(new Subscription.Active())
        .plan(new Subscription.Paid(1999))
        .exec(db).block();
    Subscriptions.update(s)                       // the whole value: Active's columns were NULL,
        .status(new Subscription.Suspended("payment failed", Optional.empty()))
        .exec(db).block();                        // the old variant's columns are cleared
    List<Subscription> suspended = Subscriptions
        .filter(Subscriptions.STATUS.is(Subscription.Suspended.class))
        .collect(db).block();
    List<Subscription> unpaid = Subscriptions
        .filter(Subscriptions.STATUS.SUSPENDED.REASON.eq("payment failed"))
        .orderBy(Subscriptions.STATUS.asc(), Subscriptions.EMAIL.asc())
        .collect(db).block();
    List<Subscription> notPaying = Subscriptions
        .filter(Subscriptions.PLAN.isNot(Subscription.Paid.class))   // absent plans too
        .collect(db).block();
    // end-snippet
    return List.of(suspended.get(0), unpaid.get(0), notPaying.isEmpty() ? s : notPaying.get(0));
  }

  /** The JSON example: on SQLite, which reads paths inside stored documents (H2 does not). */
  static List<Account> json(String url) {
    // snippet: json-db
    Db db = Toasty.builder().models(Accounts.MODEL).url(url)
        .objectMapper(new ObjectMapper().findAndRegisterModules())   // optional: the default
        .build();
    // end-snippet
    try {
      db.schema().push().block();
      // snippet: json-use
      Account.Settings dark = new Account.Settings("dark", Map.of("daily", 100));
      Account ann = Accounts.create().id(UUID.randomUUID()).email("ann@example.com")
          .settings(dark)                      // written by the Db's ObjectMapper
          .tags(List.of("beta"))
          .exec(db).block();
      List<Account> darkOnes = Accounts.filter(Accounts.SETTINGS.text("theme").eq("dark"))
          .collect(db).block();                // settings ->> theme, where the backend can
      Accounts.update(ann)
          .settings(new Account.Settings("light", Map.of()))   // the whole document
          .tags(Optional.empty())
          .exec(db).block();
      Account read = Accounts.getById(db, ann.id()).block();   // read back as Settings
      // end-snippet
      return List.of(darkOnes.get(0), read);
    } finally {
      db.close().block();
    }
  }

  /** The sealed-document example: on SQLite, which reads paths inside stored documents. */
  static List<Ticket> sealedDocuments(String url) {
    Db db = Toasty.builder().models(Tickets.MODEL).url(url).build();
    try {
      db.schema().push().block();
      // snippet: sealed-document-use
      Ticket t = Tickets.create().id(UUID.randomUUID()).title("Upgrade driver")
          .stage(new Ticket.Blocked("waiting for review", List.of("ann", "bob")))
          .exec(db).block();
      List<Ticket> blocked = Tickets.filter(Tickets.STAGE.is(Ticket.Blocked.class))
          .collect(db).block();                     // stage ->> 'type' = 'blocked'
      List<Ticket> byReason = Tickets
          .filter(Tickets.STAGE.text("reason").eq("waiting for review"))
          .collect(db).block();
      Tickets.update(t)
          .stage(new Ticket.Done(90))               // the whole document, another variant
          .previous(t.stage())
          .exec(db).block();
      Ticket read = Tickets.getById(db, t.id()).block();   // read back as Ticket.Done
      // end-snippet
      return List.of(blocked.get(0), byReason.get(0), read);
    } finally {
      db.close().block();
    }
  }

  /** The collections example: on SQLite, whose filters read stored JSON collections. */
  static List<Post> collections(String url) {
    Db db = Toasty.builder().models(Posts.MODEL).url(url).build();
    try {
      db.schema().push().block();
      // snippet: collection-use
      Post post = Posts.create().id(UUID.randomUUID()).title("Arrays")
          .tags(List.of("sql", "java"))
          .readers(Set.of(7L, 9L))
          .votes(Map.of("up", 3))
          .exec(db).block();                        // related: absent (NULL)
      List<Post> java = Posts.filter(Posts.TAGS.contains("java")
              .and(Posts.VOTES.containsKey("up")))
          .collect(db).block();
      List<Post> unrelated = Posts.filter(Posts.READERS.containsAll(List.of(7L, 9L))
              .and(Posts.RELATED.isNull().or(Posts.RELATED.isEmpty())))
          .collect(db).block();
      Posts.update(post).tags(List.of("sql")).related(List.of()).exec(db).block();  // whole
      Post read = Posts.getById(db, post.id()).block();
      // end-snippet
      return List.of(java.get(0), unrelated.get(0), read);
    } finally {
      db.close().block();
    }
  }

  /** Appends without reading the record: on every backend. */
  static Post appends(String url) {
    Db db = Toasty.builder().models(Posts.MODEL).url(url).build();
    try {
      db.schema().push().block();
      Post post = Posts.create().id(UUID.randomUUID()).title("Arrays").tags(List.of("sql"))
          .readers(Set.of()).votes(Map.of()).exec(db).block();
      // snippet: collection-append
      Posts.updateById(post.id())
          .tags(Posts.TAGS.append(List.of("java", "r2dbc")))     // one write, no read
          .exec(db).block();
      // end-snippet
      return Posts.getById(db, post.id()).block();
    } finally {
      db.close().block();
    }
  }

  /** Changes of sets, lists and maps without reading the record: not on H2. */
  static Post changes(String url) {
    Db db = Toasty.builder().models(Posts.MODEL).url(url).build();
    try {
      db.schema().push().block();
      Post post = Posts.create().id(UUID.randomUUID()).title("Sets").tags(List.of("a", "b", "a"))
          .readers(Set.of(7L, 9L)).votes(Map.of("up", 3, "down", 1)).exec(db).block();
      // snippet: collection-changes
      Posts.updateById(post.id())
          .readers(Posts.READERS.append(Set.of(11L)))          // added where missing
          .tags(Posts.TAGS.remove(List.of("a")))               // every "a" removed
          .votes(Posts.VOTES.put("up", 4))                     // one entry put
          .exec(db).block();
      Posts.updateById(post.id())
          .readers(Posts.READERS.remove(Set.of(7L)))
          .votes(Posts.VOTES.removeKeys(List.of("down")))      // one entry removed
          .exec(db).block();
      // end-snippet
      return Posts.getById(db, post.id()).block();
    } finally {
      db.close().block();
    }
  }
}
