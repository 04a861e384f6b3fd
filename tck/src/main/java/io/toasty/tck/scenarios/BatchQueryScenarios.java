package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.assertOperations;
import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Feature;
import io.toasty.Statement;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.stmt.UpdateNode;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Article;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Author;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Bios;
import io.toasty.tck.models.Comments;
import io.toasty.tck.models.Doc;
import io.toasty.tck.models.Docs;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;
import reactor.util.function.Tuple4;

/**
 * Typed batches ({@code Toasty.batch(..)}): several statements as one unit with one typed
 * result; writes all or nothing, in one transaction over SQL and one atomic request where the
 * backend has no interactive transactions; empty batches send nothing.
 */
@Models({Users.class, Docs.class, Authors.class, Articles.class, Comments.class, Bios.class})
public abstract class BatchQueryScenarios {

  @BackendTest
  public void writesOfOneKeyOperationEachRunTogether(Db db, OperationLog log,
      Capability capability) {
    User ann = Fixtures.user(db, "ann");
    User bob = Fixtures.user(db, "bob");
    User cid = Fixtures.user(db, "cid");
    log.clear();
    Tuple4<User, Long, User, Long> r = await(Toasty.batch(
        Users.create().name("dan").email("dan@example.com"),
        Users.updateById(ann.id()).loginCount(7),
        Users.update(bob).name("robert"),
        Users.deleteById(cid.id())).exec(db));
    assertOneUnit(log, capability);
    assertEquals("dan", r.getT1().name());
    assertEquals(1L, r.getT2());
    assertEquals("robert", r.getT3().name());
    assertEquals(1L, r.getT4());
    assertEquals(List.of("ann", "dan", "robert"), Fixtures.sortedNames(Fixtures.allUsers(db)));
    assertEquals(7, await(Users.getById(db, ann.id())).loginCount());
  }

  @BackendTest
  public void scopedCreatesAndInstanceUpdatesRunTogether(Db db, OperationLog log,
      Capability capability) {
    Author ann = RelationFixtures.author(db, "ann");
    Article old = RelationFixtures.article(db, ann, "old", 1);
    log.clear();
    Tuple3<Article, Article, Article> r = await(Toasty.batch(
        ann.articles().create(Articles.create()).title("first").votes(0),
        ann.articles().create(Articles.create()).title("second").votes(0),
        Articles.update(old).votes(2)).exec(db));
    assertOneUnit(log, capability);
    assertEquals(ann.id(), r.getT1().authorId());
    assertEquals(ann.id(), r.getT2().authorId());
    assertEquals(2, r.getT3().votes());
    assertEquals(List.of("first", "old", "second"), await(ann.articles().collect(db)).stream()
        .map(Article::title).sorted().toList());
  }

  @BackendTest
  public void instanceDeletesAndUpdatesRunTogether(Db db, OperationLog log,
      Capability capability) {
    User ann = Fixtures.user(db, "ann");
    User bob = Fixtures.user(db, "bob");
    log.clear();
    Tuple2<User, Long> r = await(Toasty.batch(
        Users.update(ann).loginCount(3),
        Users.delete(bob)).exec(db));
    assertOneUnit(log, capability);
    assertEquals(3, r.getT1().loginCount());
    assertEquals(1L, r.getT2());
    assertEquals(List.of(r.getT1()), Fixtures.allUsers(db));
    // the deleted record's unique email is free again
    assertEquals("bob@example.com", Fixtures.user(db, "bob").email());
  }

  /**
   * A query beside a write: one transaction over SQL; where a batch that writes must be one
   * atomic request, refused with {@code ATOMIC_BATCH} before anything is sent.
   */
  @BackendTest
  @Requires(Need.MIXED_BATCH)
  public void aMixedBatchIsRefusedBeforeAnythingIsSent(Db db, OperationLog log) {
    User ann = Fixtures.user(db, "ann");
    log.clear();
    Tuple2<List<User>, Long> r;
    try {
      r = await(Toasty.batch(
          Users.filter(Users.LOGIN_COUNT.lt(5)).asList(),   // not a key read
          Users.deleteById(ann.id())).exec(db));
    } catch (UnsupportedFeatureException refused) {
      assertEquals(Feature.ATOMIC_BATCH, refused.feature());
      // no log text in the message: the harness reads a refusal's name in an AssertionError
      assertEquals(0, log.size(), "operations sent before the refusal");
      assertEquals(0, log.connectionsAcquired(), "connections taken before the refusal");
      throw refused;
    }
    assertEquals(List.of(ann), r.getT1());
    assertEquals(1L, r.getT2());
    assertEquals(List.of(), Fixtures.allUsers(db));
  }

  /** On DynamoDB 60 users are 120 items (each email claims one): refused before anything. */
  @BackendTest
  @Requires(Need.LARGE_ATOMIC_WRITES)
  public void aBatchBeyondAnAtomicWriteLimit(Db db) {
    List<Statement<User>> creates = new ArrayList<>(Fixtures.creates("x", 60));
    assertEquals(60, await(Toasty.batch(creates).exec(db)).size());
    assertEquals(60, Fixtures.allUsers(db).size());
  }

  @BackendTest
  public void keyReadsRunTogether(Db db, OperationLog log, Capability capability) {
    List<User> five = Fixtures.fiveUsers(db);
    log.clear();
    Tuple3<User, Optional<User>, Optional<User>> r = await(Toasty.batch(
        Users.filterById(five.get(0).id()).asOne(),
        Users.filterById(five.get(4).id()).asOptional(),
        Users.filterById(UUID.randomUUID()).asOptional()).exec(db));
    assertEquals(five.get(0), r.getT1());
    assertEquals(Optional.of(five.get(4)), r.getT2());
    assertEquals(Optional.empty(), r.getT3());
    assertOneUnit(log, capability);
  }

  @BackendTest
  public void aDynamicListOfKeyReads(Db db, OperationLog log, Capability capability) {
    List<User> five = Fixtures.fiveUsers(db);
    log.clear();
    List<Statement<User>> reads = new ArrayList<>();
    for (int i = 4; i >= 0; i--) {
      reads.add(Users.filterById(five.get(i).id()).asOne());
    }
    List<User> users = await(Toasty.batch(reads).exec(db));
    assertEquals(List.of(five.get(4), five.get(3), five.get(2), five.get(1), five.get(0)),
        users);
    assertOneUnit(log, capability);
  }

  @BackendTest
  public void aDynamicListOfCreates(Db db, OperationLog log, Capability capability) {
    List<Statement<Doc>> creates = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      creates.add(Docs.create().title("d" + i));
    }
    List<Doc> docs = await(Toasty.batch(creates).exec(db));
    assertOneUnit(log, capability);
    assertEquals(10, docs.size());
    assertEquals("d9", docs.get(9).title());
    assertEquals(10, await(Docs.all().collect(db)).size());
  }

  @BackendTest
  public void anEmptyBatchSendsNothing(Db db, OperationLog log) {
    assertEquals(List.of(), await(Toasty.batch(List.<Statement<User>>of()).exec(db)));
    assertEquals(List.of(List.of(), List.of()), await(Toasty.batch(
        Users.createMany(List.of()), Users.createMany(List.of())).exec(db)).toList());
    assertOperations(0, log);
    assertEquals(0, log.connectionsAcquired(), "no connection taken for nothing");
  }

  @BackendTest
  public void aFailingFirstStatementWritesNothing(Db db) {
    rollsBackWhenFailing(db, 0);
  }

  @BackendTest
  public void aFailingMiddleStatementWritesNothing(Db db) {
    rollsBackWhenFailing(db, 1);
  }

  @BackendTest
  public void aFailingLastStatementWritesNothing(Db db) {
    rollsBackWhenFailing(db, 2);
  }

  /** Three creates, the one at {@code failing} claiming a taken email: none is stored. */
  private static void rollsBackWhenFailing(Db db, int failing) {
    User taken = Fixtures.user(db, "taken");
    List<Statement<User>> creates = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      creates.add(Users.create().name("n" + i)
          .email(i == failing ? "taken@example.com" : "n" + i + "@example.com"));
    }
    UniqueViolationException e = failure(UniqueViolationException.class,
        () -> Toasty.batch(creates).exec(db));
    assertEquals(Optional.of("email"), e.field());
    assertEquals(List.of(taken), Fixtures.allUsers(db));
  }

  @BackendTest
  public void aFailedWriteUndoesTheOthersOfTheBatch(Db db) {
    User ann = Fixtures.user(db, "ann");
    Fixtures.user(db, "bob");
    failure(UniqueViolationException.class, () -> Toasty.batch(
        Users.updateById(ann.id()).loginCount(9),
        Docs.create().title("kept?"),
        Users.create().name("again").email("bob@example.com")).exec(db));
    assertEquals(0, await(Users.getById(db, ann.id())).loginCount());
    assertEquals(List.of(), await(Docs.all().collect(db)));
  }

  @BackendTest
  @Requires(Need.MIXED_BATCH)
  public void readsAndWritesMixInOneBatch(Db db, OperationLog log) {
    User ann = Fixtures.user(db, "ann");
    log.clear();
    Tuple4<List<User>, User, User, Long> r = await(Toasty.batch(
        Users.filter(Users.NAME.eq("ann")).asList(),
        Users.create().name("bob").email("bob@example.com"),
        Users.filterByEmail("bob@example.com").asOne(),
        Users.deleteById(ann.id())).exec(db));
    assertEquals(List.of(ann), r.getT1());
    assertEquals(r.getT2(), r.getT3(), "a later statement sees an earlier one's write");
    assertEquals(1L, r.getT4());
    assertEquals(List.of("bob"), Fixtures.sortedNames(Fixtures.allUsers(db)));
    assertEquals(2, log.count(Operation.Transaction.class), () -> "BEGIN, COMMIT: " + log);
  }

  @BackendTest
  @Requires(Need.MIXED_BATCH)
  public void aMissingRecordOfAReadFailsTheBatchAndUndoesItsWrites(Db db) {
    failure(RecordNotFoundException.class, () -> Toasty.batch(
        Docs.create().title("gone"),
        Users.filterByEmail("nobody@example.com").asOne()).exec(db));
    assertEquals(List.of(), await(Docs.all().collect(db)));
  }

  @BackendTest
  @Requires(Need.INTERACTIVE_TRANSACTIONS)
  public void aBatchInATransactionJoinsIt(Db db, OperationLog log) {
    IllegalStateException e = failure(IllegalStateException.class, () -> db.transactionMono(
        tx -> Toasty.batch(Docs.create().title("a"), Docs.create().title("b")).exec(db)
            .then(Mono.error(new IllegalStateException("undo")))));
    assertEquals("undo", e.getMessage());
    assertEquals(List.of(), await(Docs.all().collect(db)));
    assertTrue(log.connectionsAcquired() >= 1);
    assertEquals(1, log.operations(Operation.Transaction.class).stream()
        .filter(t -> t.kind() == Operation.Transaction.Kind.BEGIN).count(), log::toString);
  }

  /**
   * Updates by key of one shape, one after the other in a batch: each counts what its own
   * statement would and each row gets its own value; they go as one statement over SQL
   * (docs/batches.md, "Updates by key together"), and a batch that is only that statement needs
   * no transaction where updates return rows (MySQL/MariaDB lock and read the keys first).
   */
  @BackendTest
  public void consecutiveUpdatesByKeyCountEachAndGoTogether(Db db, OperationLog log,
      Capability capability) {
    List<User> five = Fixtures.fiveUsers(db);
    log.clear();
    List<Statement<Long>> updates = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      updates.add(Users.updateById(five.get(i).id()).loginCount(10 + i));
    }
    assertEquals(List.of(1L, 1L, 1L, 1L), await(Toasty.batch(updates).exec(db)));
    assertEquals(List.of(10, 11, 12, 13, 4), loginCounts(db, five));
    if (capability.sql()) {
      boolean returns = capability.returningFromMutation();
      assertEquals(returns || capability.rowLocks() ? 1 : 4, updatesSent(log), log::toString);
      // one statement is all or nothing alone: no BEGIN and COMMIT around it; where updates
      // return no rows, the keys are locked and read first, in a transaction
      assertEquals(returns ? 0 : 2, log.count(Operation.Transaction.class), log::toString);
    }
  }

  /**
   * An update by key of a record nobody stored, among others of its shape: it counts 0 and the
   * others are written, where a batch is a transaction; where a batch is one atomic request
   * (DynamoDB), the batch fails as documented and writes nothing.
   */
  @BackendTest
  public void anUpdateOfAMissingKeyAmongOthers(Db db, Capability capability) {
    List<User> five = Fixtures.fiveUsers(db);
    List<Statement<Long>> updates = List.of(
        Users.updateById(five.get(0).id()).loginCount(10),
        Users.updateById(UUID.randomUUID()).loginCount(11),
        Users.updateById(five.get(2).id()).loginCount(12));
    if (capability.interactiveTransactions()) {
      assertEquals(List.of(1L, 0L, 1L), await(Toasty.batch(updates).exec(db)));
      assertEquals(List.of(10, 1, 12, 3, 4), loginCounts(db, five));
    } else {
      failure(RecordNotFoundException.class, () -> Toasty.batch(updates).exec(db));
      assertEquals(List.of(0, 1, 2, 3, 4), loginCounts(db, five));
    }
  }

  /**
   * Updates by key that go together keep their place among the batch's other statements: a
   * create before them, a read after them that sees them.
   */
  @BackendTest
  @Requires(Need.MIXED_BATCH)
  public void updatesTogetherKeepTheirPlaceInAMixedBatch(Db db) {
    List<User> five = Fixtures.fiveUsers(db);
    Tuple4<Doc, Long, Long, List<User>> r = await(Toasty.batch(
        Docs.create().title("before"),
        Users.updateById(five.get(2).id()).loginCount(20),
        Users.updateById(five.get(4).id()).loginCount(21),
        Users.filter(Users.LOGIN_COUNT.gt(19)).asList()).exec(db));
    assertEquals("before", r.getT1().title());
    assertEquals(List.of(1L, 1L), List.of(r.getT2(), r.getT3()));
    assertEquals(List.of("cid", "eve"), Fixtures.sortedNames(r.getT4()),
        "a read after the updates sees them");
  }

  /**
   * One key updated twice in a batch keeps the second value: the second update is not written
   * together with the first (one statement cannot give a row two values in order).
   */
  @BackendTest
  public void aKeyUpdatedTwiceInABatchKeepsItsLastValue(Db db) {
    List<User> five = Fixtures.fiveUsers(db);
    List<Statement<Long>> updates = List.of(
        Users.updateById(five.get(0).id()).loginCount(7),
        Users.updateById(five.get(1).id()).loginCount(8),
        Users.updateById(five.get(0).id()).loginCount(9),
        Users.updateById(five.get(2).id()).name("cyd"));
    assertEquals(List.of(1L, 1L, 1L, 1L), await(Toasty.batch(updates).exec(db)));
    assertEquals(List.of(9, 8, 2, 3, 4), loginCounts(db, five));
    assertEquals("cyd", await(Users.getById(db, five.get(2).id())).name());
  }

  private static List<Integer> loginCounts(Db db, List<User> users) {
    List<Integer> out = new ArrayList<>();
    for (User u : users) {
      out.add(await(Users.getById(db, u.id())).loginCount());
    }
    return out;
  }

  /** How many update statements went to the driver. */
  private static long updatesSent(OperationLog log) {
    return log.operations(Operation.QuerySql.class).stream()
        .filter(q -> q.statement() instanceof UpdateNode).count();
  }

  /**
   * One transaction over SQL (plans of several statements may nest savepoints in it), one
   * atomic request where there are no transactions; call it right after the batch.
   */
  private static void assertOneUnit(OperationLog log, Capability capability) {
    if (capability.interactiveTransactions()) {
      List<Operation.Transaction.Kind> kinds = log.operations(Operation.Transaction.class)
          .stream().map(Operation.Transaction::kind).toList();
      assertEquals(1, kinds.stream().filter(k -> k == Operation.Transaction.Kind.BEGIN).count(),
          log::toString);
      assertEquals(Operation.Transaction.Kind.BEGIN, kinds.get(0), log::toString);
      assertEquals(Operation.Transaction.Kind.COMMIT, kinds.get(kinds.size() - 1),
          log::toString);
      assertEquals(1, log.connectionsAcquired(), log::toString);
    } else {
      assertOperations(1, log);
      assertEquals(1, log.count(Operation.Atomic.class), log::toString);
    }
  }
}
