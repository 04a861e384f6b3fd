package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Redaction;
import io.toasty.Secret;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.reactive.Db;
import io.toasty.reactive.observe.LoggingObserver;
import io.toasty.reactive.observe.StatementObservation;
import io.toasty.reactive.observe.StatementObserver;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.models.ApiKey;
import io.toasty.tck.models.ApiKeyCard;
import io.toasty.tck.models.ApiKeyCards;
import io.toasty.tck.models.ApiKeys;
import io.toasty.tck.models.Credentials;
import io.toasty.tck.models.Locker;
import io.toasty.tck.models.Lockers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@code @Sensitive} field's values appear in no message the library makes: not in a unique
 * violation (whose database text echoes the duplicate on MariaDB and H2), a record not found by
 * it, a range error, a statement's observation or log line (values logged with
 * {@code logValues(true)} included), {@code explain()}, nor a query's
 * {@code toString()}. A {@code Secret<T>} field is such a field too, and the record's own
 * {@code toString()} shows its mask: read through a projection, or inside an embedded record too.
 */
@Models({Credentials.class, ApiKeys.class, Lockers.class})
public abstract class RedactionScenarios {

  private static String secret() {
    return "hunter2-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Every text the error carries: messages, toString and the stack trace of its causes. */
  private static String allText(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    for (Throwable t = e; t != null; t = t.getCause()) {
      out.append('\n').append(String.valueOf(t.getMessage())).append('\n').append(t.toString());
    }
    return out.toString();
  }

  private static void assertHidden(String secret, String text) {
    assertFalse(text.contains(secret), "the secret shows in: " + text);
    assertFalse(text.contains(secret.substring(0, 7)), "part of the secret shows in: " + text);
  }

  @BackendTest
  public void aUniqueViolationOnASensitiveFieldShowsNoValue(Db db) {
    String secret = secret();
    await(Credentials.create().id(UUID.randomUUID()).owner("ann").token(secret).exec(db));
    UniqueViolationException e = failure(UniqueViolationException.class,
        () -> Credentials.create().id(UUID.randomUUID()).owner("bob").token(secret).exec(db));
    assertEquals(Optional.of("Credential"), e.model());
    assertEquals(Optional.of("token"), e.field());
    assertHidden(secret, allText(e));
  }

  @BackendTest
  public void aRecordNotFoundByASensitiveValueShowsTheMask(Db db) {
    String secret = secret();
    RecordNotFoundException e = failure(RecordNotFoundException.class,
        () -> Credentials.filter(Credentials.TOKEN.eq(secret)).get(db));
    assertHidden(secret, allText(e));
    assertTrue(e.getMessage().contains("token = " + Redaction.MASK), e.getMessage());
  }

  @BackendTest
  public void aRangeErrorOnASensitiveFieldShowsNoValue(Db db) {
    String secret = secret() + "\uD800";
    ValueOutOfRangeException e = failure(ValueOutOfRangeException.class,
        () -> Credentials.create().id(UUID.randomUUID()).owner("ann").token(secret).exec(db));
    assertEquals(Optional.of("token"), e.field());
    assertHidden(secret, allText(e));
  }

  @BackendTest
  public void anUpdateLeavingASensitiveFieldsRangeShowsNoValue(Db db) {
    UUID id = UUID.randomUUID();
    await(Credentials.create().id(id).owner("ann").token(secret()).level((byte) 117).exec(db));
    ValueOutOfRangeException e = failure(ValueOutOfRangeException.class,
        () -> Credentials.updateById(id).level(Credentials.LEVEL.plus((byte) 99)).exec(db));
    assertEquals(Optional.of("level"), e.field(), e.getMessage());
    StringBuilder messages = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.append(t).append('\n');
    }
    assertFalse(messages.toString().contains("117"), messages::toString);
    assertFalse(messages.toString().contains("216"), messages::toString);
    assertEquals((byte) 117, await(Credentials.getById(db, id)).level());
  }

  /** An observer adding to {@code seen} each statement's text and each error's. */
  private static StatementObserver capture(List<String> seen) {
    return (info, ctx) -> {
      seen.add(info + " " + info.shape() + " " + info.values().orElse(""));
      return (StatementObservation) (rows, error, cancelled) -> {
        if (error != null) {
          seen.add(allText(error));
        }
      };
    };
  }

  @BackendTest
  public void observedStatementsShowNoSensitiveValue(Db unused, BackendContext context) {
    List<String> seen = new CopyOnWriteArrayList<>();
    Db db = context.open(b -> b.observer(capture(seen)).logValues(true)
        .observer(new LoggingObserver(Duration.ofHours(1)))).db();
    String secret = secret();
    await(Credentials.create().id(UUID.randomUUID()).owner("ann").token(secret).exec(db));
    await(Credentials.filter(Credentials.TOKEN.eq(secret)).first(db));
    failure(UniqueViolationException.class,
        () -> Credentials.create().id(UUID.randomUUID()).owner("bob").token(secret).exec(db));
    assertTrue(seen.size() >= 3, "observed " + seen);
    assertHidden(secret, String.join("\n", seen));
  }

  @BackendTest
  public void explainShowsTheMask(Db db) {
    String secret = secret();
    String plan = db.explain(Credentials.filter(Credentials.TOKEN.eq(secret)
        .and(Credentials.OWNER.eq("ann"))).untyped());
    assertHidden(secret, plan);
    assertTrue(plan.contains(Redaction.MASK), plan);
    assertTrue(plan.contains("ann"), "values of other fields still show: " + plan);
  }

  @BackendTest
  public void aSensitiveTypeIsCreatedReadFilteredAndUpdatedAsItsValue(Db db) {
    String secret = secret();
    UUID id = UUID.randomUUID();
    ApiKey created = await(ApiKeys.create().id(id).owner("ann").secret(Secret.of(secret))
        .pin(Optional.of(Secret.of(1234))).exec(db));
    assertEquals(secret, created.secret().value());
    assertEquals(Optional.of(1234), created.pin().map(Secret::value));
    assertEquals(created, await(ApiKeys.getById(db, id)));
    assertEquals(created, await(ApiKeys.getBySecret(db, secret)));
    assertEquals(created, await(ApiKeys.filter(ApiKeys.SECRET.eq(secret)).first(db)));
    String rotated = secret();
    ApiKey updated = await(ApiKeys.update(created).secret(Secret.of(rotated))
        .pin(Optional.empty()).exec(db));
    assertEquals(rotated, updated.secret().value());
    assertEquals(updated, await(ApiKeys.getById(db, id)));
    assertEquals(Optional.empty(), updated.pin());
    assertEquals(Optional.empty(), await(ApiKeys.filter(ApiKeys.SECRET.eq(secret)).first(db)
        .map(Optional::of).defaultIfEmpty(Optional.empty())), "the old secret finds nothing");
  }

  @BackendTest
  public void aSensitiveTypeShowsTheMaskInTheRecordAndEveryMessage(Db db) {
    String secret = secret();
    ApiKey key = await(ApiKeys.create().id(UUID.randomUUID()).owner("ann")
        .secret(Secret.of(secret)).exec(db));
    assertHidden(secret, key.toString());
    assertTrue(key.toString().contains("secret=" + Redaction.MASK), key.toString());
    RecordNotFoundException missing = failure(RecordNotFoundException.class,
        () -> ApiKeys.getBySecret(db, secret + "x"));
    assertHidden(secret, allText(missing));
    UniqueViolationException taken = failure(UniqueViolationException.class,
        () -> ApiKeys.create().id(UUID.randomUUID()).owner("bob").secret(Secret.of(secret))
            .exec(db));
    assertEquals(Optional.of("secret"), taken.field());
    assertHidden(secret, allText(taken));
    String plan = db.explain(ApiKeys.filter(ApiKeys.SECRET.eq(secret)).untyped());
    assertHidden(secret, plan);
    assertTrue(plan.contains(Redaction.MASK), plan);
    assertHidden(secret, ApiKeys.filter(ApiKeys.SECRET.eq(secret)).toString());
  }

  @BackendTest
  public void aQuerysToStringShowsTheMask(Db db) {
    String secret = secret();
    String text = Credentials.filter(Credentials.TOKEN.eq(secret)).toString();
    assertHidden(secret, text);
    assertTrue(text.contains("token = " + Redaction.MASK), text);
    assertHidden(secret, Credentials.filter(Credentials.TOKEN.eq(secret)).paginate(10).toString());
  }

  @BackendTest
  public void aProjectionOfASensitiveTypeReadsTheValueWrapped(Db db) {
    String secret = secret();
    UUID id = UUID.randomUUID();
    await(ApiKeys.create().id(id).owner("ann").secret(Secret.of(secret))
        .pin(Optional.of(Secret.of(1234))).exec(db));
    ApiKeyCard card = await(ApiKeyCards.from(ApiKeys.filter(ApiKeys.ID.eq(id))).first(db));
    assertEquals(secret, card.secret().value());
    assertEquals(Optional.of(1234), card.pin().map(Secret::value));
    assertEquals(new ApiKeyCard("ann", Secret.of(secret), Optional.of(Secret.of(1234))),
        card);
    assertHidden(secret, card.toString());
    assertTrue(card.toString().contains("secret=" + Redaction.MASK), card.toString());
    UUID noPin = UUID.randomUUID();
    await(ApiKeys.create().id(noPin).owner("bob").secret(Secret.of(secret())).exec(db));
    assertEquals(Optional.empty(),
        await(ApiKeyCards.from(ApiKeys.filter(ApiKeys.ID.eq(noPin))).first(db)).pin());
  }

  @BackendTest
  public void aSensitiveTypeInAnEmbeddedRecordIsStoredAsItsValueAndMasked(Db unused,
      BackendContext context) {
    List<String> seen = new CopyOnWriteArrayList<>();
    // values offered to observers and logged (LoggingObserver at DEBUG), the code's masked
    Db db = context.open(b -> b.observer(capture(seen)).logValues(true)
        .observer(new LoggingObserver(Duration.ofHours(1)))).db();
    String code = secret();
    UUID id = UUID.randomUUID();
    Locker created = await(Lockers.create().id(id).owner("ann").combination(
        new Locker.Combination("front", Secret.of(code), Optional.of(Secret.of(4321))))
        .exec(db));
    assertEquals(code, created.combination().code().value());
    assertEquals(created, await(Lockers.getById(db, id)));
    assertEquals(created, await(Lockers.filter(Lockers.ID.eq(id)
        .and(Lockers.COMBINATION.CODE.eq(code))).first(db)));
    assertHidden(code, created.toString());
    assertTrue(created.toString().contains("code=" + Redaction.MASK), created.toString());

    RecordNotFoundException missing = failure(RecordNotFoundException.class,
        () -> Lockers.filter(Lockers.ID.eq(id).and(Lockers.COMBINATION.CODE.eq(code + "x")))
            .get(db));
    assertHidden(code, allText(missing));
    ValueOutOfRangeException range = failure(ValueOutOfRangeException.class,
        () -> Lockers.create().id(UUID.randomUUID()).owner("bob").combination(
            new Locker.Combination("back", Secret.of(code + "\uD800"), Optional.empty()))
            .exec(db));
    assertEquals(Optional.of("combination.code"), range.field());
    assertHidden(code, allText(range));
    String plan = db.explain(Lockers.filter(Lockers.ID.eq(id)
        .and(Lockers.COMBINATION.CODE.eq(code))).untyped());
    assertHidden(code, plan);
    assertTrue(plan.contains(Redaction.MASK), plan);
    assertHidden(code, Lockers.filter(Lockers.COMBINATION.CODE.eq(code)).toString());

    String rotated = secret();
    Locker updated = await(Lockers.update(created).combination(
        new Locker.Combination("front", Secret.of(rotated), Optional.empty())).exec(db));
    assertEquals(rotated, updated.combination().code().value());
    assertEquals(updated, await(Lockers.getById(db, id)));
    assertEquals(Optional.empty(), updated.combination().pin());
    assertTrue(seen.size() >= 5, "observed " + seen);
    assertHidden(code, String.join("\n", seen));
    assertHidden(rotated, String.join("\n", seen));
  }
}
