package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Account;
import io.toasty.tck.models.Accounts;
import io.toasty.tck.models.ReservedWords;
import io.toasty.tck.models.ReservedWordsRows;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Table and column renames ({@code @Table}, {@code @Column}) and names that are SQL keywords:
 * the model's names stay in Java, the mapping's names reach the database, and errors speak of
 * the model's names.
 */
@Models({Accounts.class, ReservedWordsRows.class})
public abstract class MappingScenarios {

  static Account account(Db db, long number, String name, long balance) {
    return await(Accounts.create().number(number).displayName(name)
        .email(name.toLowerCase() + "@example.com").balance(balance).exec(db));
  }

  @BackendTest
  public void renamedTableAndColumnsRoundTrip(Db db) {
    Account a = account(db, 1001, "Ann", 50);
    assertEquals(new Account(1001, "Ann", "ann@example.com", 50), a);
    assertEquals(a, await(Accounts.getByNumber(db, 1001L)));
    assertEquals(a, await(Accounts.getByEmail(db, "ann@example.com")));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void filtersAndUpdatesUseRenamedColumns(Db db) {
    account(db, 1, "Ann", 50);
    account(db, 2, "Bob", 150);
    assertEquals(1L, await(Accounts.filter(Accounts.BALANCE.gt(100L)).update()
        .balance(Accounts.BALANCE.minus(100L)).exec(db)));
    assertEquals(50L, await(Accounts.getByNumber(db, 2L)).balance());
    assertEquals(List.of(1L, 2L), await(Accounts.filter(Accounts.BALANCE.eq(50L)).collect(db))
        .stream().map(Account::number).sorted().toList());
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void orderingByARenamedColumn(Db db) {
    account(db, 1, "Cid", 3);
    account(db, 2, "Ann", 1);
    account(db, 3, "Bob", 2);
    assertEquals(List.of("Ann", "Bob", "Cid"), await(Accounts.all()
        .orderBy(Accounts.DISPLAY_NAME.asc()).collect(db)).stream()
        .map(Account::displayName).toList());
  }

  @BackendTest
  public void aUniqueViolationOnARenamedColumnNamesTheField(Db db) {
    account(db, 1, "Ann", 0);
    UniqueViolationException e = failure(UniqueViolationException.class,
        () -> Accounts.create().number(2).displayName("Other").email("ann@example.com")
            .balance(0).exec(db));
    assertEquals(Optional.of("Account"), e.model());
    assertEquals(Optional.of("email"), e.field());
  }

  @BackendTest
  public void deleteByARenamedKey(Db db) {
    account(db, 1, "Ann", 0);
    account(db, 2, "Bob", 0);
    assertEquals(1L, await(Accounts.deleteByNumber(1L).exec(db)));
    assertEquals(List.of(2L), await(Accounts.all().collect(db)).stream().map(Account::number)
        .toList());
  }

  @BackendTest
  public void keywordNamedTableAndColumnsWork(Db db) {
    ReservedWords a = await(ReservedWordsRows.create().id(1).group("g").position(2).exec(db));
    await(ReservedWordsRows.create().id(2).group("h").position(1).exec(db));
    assertEquals(a, await(ReservedWordsRows.getById(db, 1L)));
    assertEquals(List.of(a), await(ReservedWordsRows.filterByGroup("g").collect(db)));
    assertEquals(1L, await(ReservedWordsRows.updateById(2L).position(5).exec(db)));
    assertEquals(1L, await(ReservedWordsRows.deleteById(1L).exec(db)));
    assertEquals(List.of(new ReservedWords(2, "h", 5)), await(ReservedWordsRows.all()
        .collect(db)).stream().sorted(Comparator.comparingLong(ReservedWords::id)).toList());
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void keywordNamedColumnsInOrderAndFilter(Db db) {
    await(ReservedWordsRows.create().id(1).group("g").position(2).exec(db));
    await(ReservedWordsRows.create().id(2).group("g").position(1).exec(db));
    await(ReservedWordsRows.create().id(3).group("h").position(0).exec(db));
    assertEquals(List.of(2L, 1L), await(ReservedWordsRows
        .filter(ReservedWordsRows.GROUP.eq("g")).orderBy(ReservedWordsRows.POSITION.asc())
        .collect(db)).stream().map(ReservedWords::id).toList());
  }
}
