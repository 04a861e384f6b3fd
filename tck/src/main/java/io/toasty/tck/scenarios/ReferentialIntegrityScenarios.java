package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.SerializationFailureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.tck.BackendTest;
import io.toasty.tck.ConcurrencyRounds;
import io.toasty.tck.Models;
import io.toasty.tck.models.Advance;
import io.toasty.tck.models.Advances;
import io.toasty.tck.models.Lender;
import io.toasty.tck.models.Lenders;
import io.toasty.tck.models.Lien;
import io.toasty.tck.models.Liens;
import io.toasty.tck.models.Voucher;
import io.toasty.tck.models.Vouchers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Related records always exist (docs/relations.md): a checked belongs-to key names a record
 * that exists at commit, whatever writes it (create, update, upsert, nested create, batch,
 * {@code createAll}) and whatever deletes the target (by key, filtered, cascading). A write of a
 * missing key fails with {@link ForeignKeyViolationException} naming the model, the field and the
 * missing key (no other value of the record), and writes nothing; deleting a target deletes the
 * records whose key is required, unlinks the optional ones, and is refused while a
 * {@code @BelongsTo.Restrict} record refers to it; an {@code @BelongsTo.Unchecked} key is not
 * checked.
 */
@Models({Lenders.class, Advances.class, Liens.class, Vouchers.class})
public abstract class ReferentialIntegrityScenarios {
  private static final long MISSING = 4242;

  private static Lender lender(Db db, long id) {
    return await(Lenders.create().id(id).name("lender" + id).exec(db));
  }

  private static Advance advance(Db db, long id, long lender) {
    return await(Advances.create().id(id).lenderId(lender).amount(100 + id).exec(db));
  }

  /** The error names the model, the field and the missing key, and no other written value. */
  private static void namesTheMissingKey(ForeignKeyViolationException e, String model,
      String field, long key, long... otherValues) {
    assertEquals(Optional.of(model), e.model(), e::getMessage);
    assertEquals(Optional.of(field), e.field(), e::getMessage);
    String own = e.getMessage();
    assertTrue(own.contains(String.valueOf(key)), own);
    for (long other : otherValues) {
      assertTrue(!own.contains(String.valueOf(other)), "a value other than the key: " + own);
    }
  }

  private static List<Advance> advances(Db db) {
    return await(Advances.all().orderBy(Advances.ID.asc()).collect(db));
  }

  @BackendTest
  public void aCreateOfAMissingTargetIsRefusedAndWritesNothing(Db db) {
    lender(db, 1);
    ForeignKeyViolationException e = failure(ForeignKeyViolationException.class,
        () -> Advances.create().id(7).lenderId(MISSING).amount(31337).exec(db));
    namesTheMissingKey(e, "Advance", "lenderId", MISSING, 31337);
    assertEquals(List.of(), advances(db));
  }

  @BackendTest
  public void anOptionalKeyToAMissingTargetIsRefusedToo(Db db) {
    lender(db, 1);
    ForeignKeyViolationException e = failure(ForeignKeyViolationException.class,
        () -> Advances.create().id(7).lenderId(1).guarantorId(MISSING).amount(31337).exec(db));
    namesTheMissingKey(e, "Advance", "guarantorId", MISSING, 31337);
    assertEquals(List.of(), advances(db));
  }

  @BackendTest
  public void anUpdateToAMissingTargetIsRefusedAndKeepsTheRecord(Db db) {
    lender(db, 1);
    Advance kept = advance(db, 7, 1);
    ForeignKeyViolationException e = failure(ForeignKeyViolationException.class,
        () -> Advances.updateById(7).lenderId(MISSING).exec(db));
    namesTheMissingKey(e, "Advance", "lenderId", MISSING);
    assertEquals(List.of(kept), advances(db));
  }

  @BackendTest
  public void anUpsertOfAMissingTargetIsRefusedWhetherItInsertsOrUpdates(Db db) {
    lender(db, 1);
    Advance kept = advance(db, 7, 1);
    namesTheMissingKey(failure(ForeignKeyViolationException.class,
        () -> Advances.upsert().id(8).lenderId(MISSING).amount(31337).exec(db)),
        "Advance", "lenderId", MISSING, 31337);
    namesTheMissingKey(failure(ForeignKeyViolationException.class,
        () -> Advances.upsert().id(7).lenderId(MISSING).amount(31337).exec(db)),
        "Advance", "lenderId", MISSING, 31337);
    assertEquals(List.of(kept), advances(db));
  }

  @BackendTest
  public void aNestedCreateWithAMissingTargetWritesNothing(Db db) {
    ForeignKeyViolationException e = failure(ForeignKeyViolationException.class,
        () -> Lenders.create().id(1).name("ann")
            .advances(Advances.create().id(7).guarantorId(MISSING).amount(31337)).exec(db));
    namesTheMissingKey(e, "Advance", "guarantorId", MISSING, 31337);
    assertEquals(List.of(), await(Lenders.all().collect(db)));
    assertEquals(List.of(), advances(db));
  }

  @BackendTest
  public void aBatchWithOneMissingTargetWritesNothing(Db db) {
    lender(db, 1);
    Advance kept = advance(db, 7, 1);
    ForeignKeyViolationException e = failure(ForeignKeyViolationException.class,
        () -> Toasty.batch(
            Advances.create().id(8).lenderId(1).amount(1),
            Advances.create().id(9).lenderId(MISSING).amount(2)).exec(db));
    namesTheMissingKey(e, "Advance", "lenderId", MISSING);
    assertEquals(List.of(kept), advances(db));
  }

  @BackendTest
  public void createManyAndCreateAllWithOneMissingTargetWriteNothing(Db db) {
    lender(db, 1);
    namesTheMissingKey(failure(ForeignKeyViolationException.class,
        () -> Advances.createMany(List.of(
            Advances.create().id(1).lenderId(1).amount(1),
            Advances.create().id(2).lenderId(MISSING).amount(2),
            Advances.create().id(3).lenderId(1).amount(3))).exec(db)),
        "Advance", "lenderId", MISSING);
    namesTheMissingKey(failure(ForeignKeyViolationException.class,
        () -> Advances.createAll(Flux.range(1, 5).map(i -> Advances.create().id(i)
            .lenderId(i == 4 ? MISSING : 1).amount(i))).exec(db).then()),
        "Advance", "lenderId", MISSING);
    assertEquals(List.of(), advances(db));
  }

  @BackendTest
  public void deletingATargetByKeyDeletesRequiredAndUnlinksOptionalReferences(Db db) {
    lender(db, 1);
    lender(db, 2);
    advance(db, 7, 1);
    Advance guaranteed = await(Advances.create().id(8).lenderId(2).guarantorId(1L).amount(8)
        .exec(db));
    assertEquals(Optional.of(1L), guaranteed.guarantorId());
    assertEquals(1L, await(Lenders.deleteById(1).exec(db)));
    List<Advance> left = advances(db);
    assertEquals(List.of(8L), left.stream().map(Advance::id).toList());
    assertEquals(Optional.empty(), left.get(0).guarantorId());
  }

  @BackendTest
  public void aFilteredDeleteOfTargetsCascadesToEveryReference(Db db) {
    for (long id = 1; id <= 3; id++) {
      lender(db, id);
      advance(db, 10 + id, id);
    }
    await(Advances.create().id(20).lenderId(3).guarantorId(2L).amount(1).exec(db));
    assertEquals(2L, await(Lenders.filter(Lenders.ID.in(1L, 2L)).delete().exec(db)));
    List<Advance> left = advances(db);
    assertEquals(List.of(13L, 20L), left.stream().map(Advance::id).toList());
    assertEquals(Optional.empty(), left.get(1).guarantorId());
  }

  @BackendTest
  public void aRestrictedTargetIsNotDeletedWhileReferred(Db db) {
    Lender ann = lender(db, 1);
    advance(db, 7, 1);
    await(Liens.create().id(3).lenderId(1).note("held").exec(db));
    ForeignKeyViolationException e = failure(ForeignKeyViolationException.class,
        () -> Lenders.deleteById(1).exec(db));
    assertEquals(Optional.of("Lien"), e.model(), e::getMessage);
    assertEquals(Optional.of("lenderId"), e.field(), e::getMessage);
    assertEquals(List.of(ann.id()), await(Lenders.all().collect(db)).stream().map(Lender::id)
        .toList());
    assertEquals(List.of(7L), advances(db).stream().map(Advance::id).toList(),
        "the cascade to the other references is undone with the refused delete");
    await(Liens.deleteById(3).exec(db));
    assertEquals(1L, await(Lenders.deleteById(1).exec(db)));
    assertEquals(List.of(), advances(db));
  }

  /**
   * A delete whose cascade reaches a record that a {@code @BelongsTo.Restrict} key still names
   * is refused as a whole: the lender, its advances and the lien all stay, and the error names
   * the restricting model and field. Once the lien is gone, the same delete cascades.
   */
  @BackendTest
  public void aCascadeThatReachesARestrictedRecordDeletesNothing(Db db) {
    lender(db, 1);
    lender(db, 2);
    advance(db, 7, 1);
    advance(db, 8, 1);
    await(Liens.create().id(3).lenderId(2).advanceId(7L).note("on the advance").exec(db));
    ForeignKeyViolationException e = failure(ForeignKeyViolationException.class,
        () -> Lenders.deleteById(1).exec(db));
    assertEquals(Optional.of("Lien"), e.model(), e::getMessage);
    assertEquals(Optional.of("advanceId"), e.field(), e::getMessage);
    assertEquals(Set.of(1L, 2L), await(Lenders.all().collect(db)).stream()
        .map(Lender::id).collect(Collectors.toSet()));
    assertEquals(List.of(7L, 8L), advances(db).stream().map(Advance::id).toList(),
        "the cascade is undone with the refused delete");
    await(Liens.deleteById(3).exec(db));
    assertEquals(1L, await(Lenders.deleteById(1).exec(db)));
    assertEquals(List.of(), advances(db));
  }

  @BackendTest
  public void aFilteredDeleteOfRestrictedTargetsDeletesNone(Db db) {
    lender(db, 1);
    lender(db, 2);
    await(Liens.create().id(3).lenderId(2).note("held").exec(db));
    ForeignKeyViolationException e = failure(ForeignKeyViolationException.class,
        () -> Lenders.filter(Lenders.ID.in(1L, 2L)).delete().exec(db));
    assertEquals(Optional.of("Lien"), e.model(), e::getMessage);
    assertEquals(Set.of(1L, 2L), await(Lenders.all().collect(db)).stream()
        .map(Lender::id).collect(Collectors.toSet()));
  }

  @BackendTest
  public void anUncheckedKeyMayNameAMissingRecord(Db db) {
    Voucher v = await(Vouchers.create().id(1).lenderId(MISSING).code("legacy").exec(db));
    assertEquals(List.of(v), await(Vouchers.all().collect(db)));
    lender(db, 1);
    await(Vouchers.updateById(1).lenderId(MISSING + 1).exec(db));
    assertEquals(MISSING + 1, await(Vouchers.getById(db, 1L)).lenderId());
  }

  @BackendTest
  public void deletingTheTargetOfAnUncheckedKeyStillDeletesItsRecords(Db db) {
    lender(db, 1);
    await(Vouchers.create().id(1).lenderId(1).code("a").exec(db));
    await(Vouchers.create().id(2).lenderId(MISSING).code("b").exec(db));
    assertEquals(1L, await(Lenders.deleteById(1).exec(db)));
    assertEquals(List.of(2L), await(Vouchers.all().collect(db)).stream().map(Voucher::id)
        .toList());
  }

  /**
   * What either side of the race may fail with: the key's violation, or the conflict a database
   * reports between the two transactions (a deadlock, a serialization failure), all typed and
   * writing nothing.
   */
  private static boolean typedConflict(Throwable e) {
    return e instanceof ForeignKeyViolationException
        || e instanceof SerializationFailureException;
  }

  /**
   * A create of an advance races the delete of its lender, round after round: either side may
   * fail with a typed conflict, the advance may be stored with its lender, or the delete may
   * remove both; never an advance whose lender is gone.
   */
  @BackendTest
  public void aDeleteRacingAWriteNeverLeavesADanglingKey(Db db) {
    int rounds = ConcurrencyRounds.of(20);
    int violations = 0;
    long start = System.nanoTime();
    List<String> outcomes = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      long id = 1000 + round;
      lender(db, id);
      Mono<String> write = Advances.create().id(id).lenderId(id).amount(1).exec(db)
          .map(a -> "stored")
          .onErrorResume(ReferentialIntegrityScenarios::typedConflict,
              e -> Mono.just("write refused: " + e.getClass().getSimpleName()))
          .subscribeOn(Schedulers.parallel());
      Mono<String> delete = Lenders.deleteById(id).exec(db).map(n -> "deleted " + n)
          .onErrorResume(ReferentialIntegrityScenarios::typedConflict,
              e -> Mono.just("delete refused: " + e.getClass().getSimpleName()))
          .subscribeOn(Schedulers.parallel());
      await(Flux.merge(write, delete).collectList().doOnNext(outcomes::addAll));
      boolean lenderLeft = await(Lenders.filter(Lenders.ID.eq(id)).count(db)) > 0;
      boolean advanceLeft = await(Advances.filter(Advances.ID.eq(id)).count(db)) > 0;
      if (advanceLeft && !lenderLeft) {
        violations++;
      }
    }
    ConcurrencyRounds.report("delete racing a write", db, rounds, violations, start);
    assertEquals(0, violations, () -> "dangling keys; outcomes " + outcomes);
  }
}
