package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Page;
import io.toasty.PageQuery;
import io.toasty.driver.Operation;
import io.toasty.error.InvalidCursorException;
import io.toasty.reactive.Db;
import io.toasty.stmt.ExprNode;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Article;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Author;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Bios;
import io.toasty.tck.models.Comments;
import io.toasty.tck.models.Event;
import io.toasty.tck.models.EventCreate;
import io.toasty.tck.models.Events;
import io.toasty.tck.models.Listing;
import io.toasty.tck.models.ListingCreate;
import io.toasty.tck.models.Listings;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keyset pages ({@code paginate}) walked forward and back over every page, with ties, NULLs,
 * mixed directions, composite keys and includes; cursors refused when garbled, truncated,
 * altered, foreign or signed by another {@code Db}; {@code last()} and offset pages. On a
 * key-value backend a page ordered by the sort key within one partition, or by an index's sort
 * key within one value of the index, is read in order a page at a time; any other order is sorted
 * in memory by the engine.
 */
@Models({Users.class, Events.class, Authors.class, Articles.class, Comments.class, Bios.class,
    Listings.class})
public abstract class PaginationScenarios {

  /** Every page from the first, following {@code next()}. */
  static <M> List<Page<M>> forward(Db db, PageQuery<M> query) {
    List<Page<M>> pages = new ArrayList<>();
    Page<M> page = await(query.collect(db));
    pages.add(page);
    while (page.hasNext()) {
      assertTrue(pages.size() < 100, "more than 100 pages: the walk does not advance");
      page = await(query.after(page.next().orElseThrow()).collect(db));
      pages.add(page);
    }
    return pages;
  }

  /** Every page from {@code last}, following {@code previous()}, in the order met. */
  static <M> List<Page<M>> backward(Db db, PageQuery<M> query, Page<M> last) {
    List<Page<M>> pages = new ArrayList<>();
    Page<M> page = last;
    pages.add(page);
    while (page.hasPrevious()) {
      assertTrue(pages.size() < 100, "more than 100 pages: the walk does not advance");
      page = await(query.before(page.previous().orElseThrow()).collect(db));
      pages.add(page);
    }
    return pages;
  }

  /**
   * Walks {@code query} both ways and checks: full pages but the last, every record once, in
   * {@code order}, and the same pages backwards; returns the records in page order.
   */
  static <M, K> List<M> walkBothWays(Db db, PageQuery<M> query, int size, int expected,
      Comparator<M> order, Function<M, K> id) {
    List<Page<M>> pages = forward(db, query);
    List<M> all = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      Page<M> p = pages.get(i);
      if (i < pages.size() - 1) {
        assertEquals(size, p.items().size(), "page " + i + " is not full");
      }
      assertEquals(i > 0, p.hasPrevious(), "hasPrevious of page " + i);
      all.addAll(p.items());
    }
    assertEquals(expected, all.size(), "records over all pages");
    assertEquals(expected, new HashSet<>(all.stream().map(id).toList()).size(),
        "a record came on two pages");
    for (int i = 1; i < all.size(); i++) {
      assertTrue(order.compare(all.get(i - 1), all.get(i)) <= 0,
          "out of order: " + all.get(i - 1) + " before " + all.get(i));
    }
    List<Page<M>> back = backward(db, query, pages.get(pages.size() - 1));
    assertEquals(pages.size(), back.size(), "pages backwards");
    for (int i = 0; i < pages.size(); i++) {
      assertEquals(pages.get(pages.size() - 1 - i).items(), back.get(i).items(),
          "page " + (pages.size() - 1 - i) + " read backwards");
    }
    assertFalse(back.get(back.size() - 1).hasPrevious());
    return all;
  }

  /** NULL below every value, as pages order it. */
  static <T extends Comparable<T>> Comparator<Optional<T>> nullsLow() {
    return Comparator.comparing(o -> o.orElse(null), Comparator.nullsFirst(
        Comparator.<T>naturalOrder()));
  }

  static void usersWithTies(Db db) {
    String[] nicks = {null, "k", "k", null, "m", "a", null, "m", "k"};
    for (int i = 0; i < 9; i++) {
      Fixtures.user(db, "u" + i, nicks[i], i % 3);
    }
  }

  static void events(Db db) {
    List<EventCreate> batch = new ArrayList<>();
    for (String stream : List.of("a", "b")) {
      for (long seq = 1; seq <= 7; seq++) {
        batch.add(Events.create().stream(stream).seq(seq).kind(seq % 3 == 0 ? "skip" : "keep")
            .payload(seq % 2 == 0 ? null : "p" + (seq % 4)));
      }
    }
    batch.forEach(c -> await(c.exec(db)));
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void tiesAreBrokenByTheKeyForwardAndBack(Db db) {
    usersWithTies(db);
    walkBothWays(db, Users.all().orderBy(Users.LOGIN_COUNT.asc()).paginate(2), 2, 9,
        Comparator.comparing(User::loginCount), User::id);
    walkBothWays(db, Users.all().orderBy(Users.LOGIN_COUNT.desc()).paginate(4), 4, 9,
        Comparator.comparing(User::loginCount).reversed(), User::id);
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void nullsSortBelowValuesInEitherDirection(Db db) {
    usersWithTies(db);
    List<User> asc = walkBothWays(db, Users.all().orderBy(Users.NICKNAME.asc()).paginate(2), 2,
        9, Comparator.comparing(User::nickname, nullsLow()), User::id);
    assertTrue(asc.get(0).nickname().isEmpty() && asc.get(2).nickname().isEmpty());
    List<User> desc = walkBothWays(db, Users.all().orderBy(Users.NICKNAME.desc()).paginate(3),
        3, 9, Comparator.comparing(User::nickname, nullsLow()).reversed(), User::id);
    assertEquals(Optional.empty(), desc.get(8).nickname());
    assertEquals(Optional.of("m"), desc.get(0).nickname());
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void mixedDirectionsOverANullableField(Db db) {
    usersWithTies(db);
    List<User> all = walkBothWays(db, Users.all().orderBy(Users.NICKNAME.desc())
        .thenBy(Users.LOGIN_COUNT.asc()).thenBy(Users.NAME.desc()).paginate(2), 2, 9,
        Comparator.comparing(User::nickname, nullsLow()).reversed()
            .thenComparing(User::loginCount).thenComparing(User::name, Comparator.reverseOrder()),
        User::id);
    assertEquals(List.of("u7", "u4", "u1", "u8", "u2", "u5", "u6", "u3", "u0"),
        Fixtures.map(all, User::name));
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void compositeKeysCompleteTheOrder(Db db) {
    events(db);
    List<Event> all = walkBothWays(db, Events.all().orderBy(Events.PAYLOAD.desc()).paginate(3),
        3, 14, Comparator.comparing(Event::payload, nullsLow()).reversed()
            .thenComparing(Event::stream).thenComparing(Event::seq),
        e -> e.stream() + e.seq());
    assertEquals(List.of("a3", "a7", "b3", "b7", "a1", "a5", "b1", "b5"),
        all.subList(0, 8).stream().map(e -> e.stream() + e.seq()).toList());
    walkBothWays(db, Events.filter(Events.KIND.eq("keep")).orderBy(Events.SEQ.desc(),
        Events.STREAM.asc()).paginate(4), 4, 10, Comparator.comparing(Event::seq).reversed()
        .thenComparing(Event::stream), e -> e.stream() + e.seq());
  }

  @BackendTest
  public void sortKeyPagesWithinAPartitionRunEverywhere(Db db, OperationLog log) {
    events(db);
    PageQuery<Event> q = Events.filter(Events.STREAM.eq("a").and(Events.KIND.eq("keep")))
        .orderBy(Events.SEQ.desc()).paginate(2);
    List<Event> all = walkBothWays(db, q, 2, 5, Comparator.comparing(Event::seq).reversed(),
        Event::seq);
    assertEquals(List.of(7L, 5L, 4L, 2L, 1L), Fixtures.map(all, Event::seq));
    for (Operation op : log.operations()) {
      if (op instanceof Operation.QueryPk read) {
        assertEquals(3, read.pageSize(), "a page of 2 reads 3 items a request: " + read);
      }
    }
    assertEquals(db.capability().sql(), log.count(Operation.QueryPk.class) == 0);
    walkBothWays(db, Events.filter(Events.STREAM.eq("b")).orderBy(Events.SEQ.asc()).paginate(7), 7, 7,
        Comparator.comparing(Event::seq), Event::seq);
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void eachPageLoadsItsIncludes(Db db) {
    for (String name : List.of("ann", "bob", "cid", "dan", "eve")) {
      Author a = await(Authors.create().name(name).exec(db));
      for (int i = 0; i < name.charAt(0) - 'a' + 1; i++) {
        await(a.articles().create(Articles.create()).title(name + i).votes(i).exec(db));
      }
    }
    List<Author> all = walkBothWays(db, Authors.all().include(Authors.ARTICLES)
        .orderBy(Authors.NAME.asc()).paginate(2), 2, 5, Comparator.comparing(Author::name),
        Author::id);
    for (Author a : all) {
      List<Article> articles = a.articles().get();
      assertEquals(a.name().charAt(0) - 'a' + 1, articles.size(), a.name());
      articles.forEach(x -> assertTrue(x.title().startsWith(a.name())));
    }
  }

  /** Ranks of board "a": ties, so that the key orders within them; board "b" is other noise. */
  static final long[] RANKS = {5, 3, 3, 9, 1, 3, 7, 7, 2, 5, 3, 3, 8};

  static List<Listing> listings(Db db) {
    List<ListingCreate> creates = new ArrayList<>();
    for (int i = 0; i < RANKS.length; i++) {
      creates.add(Listings.create().board("a").rank(RANKS[i]).title("a" + i)
          .tag(i % 3 == 0 ? "x" : null));
    }
    for (int i = 0; i < 4; i++) {
      creates.add(Listings.create().board("b").rank(i).title("b" + i).tag("x"));
    }
    List<Listing> out = new ArrayList<>();
    creates.forEach(c -> out.add(await(c.exec(db))));
    return out;
  }

  /** The longest run of equal ranks on board "a": the most rows a page reads beyond its own. */
  static final int LONGEST_TIE = 5;

  /**
   * What a walk of {@code pages} pages of {@code size} (forward, then back from the last) sent:
   * on SQL one query a page; on a key-value backend one index read a page (Limit the page size
   * plus one; the index read backwards exactly when the walk's order is descending; every page
   * after the first with the cursor's range in its key condition; never more rows taken than a
   * page, its look-ahead row and one run of ties: not the board read whole), its items from the
   * index, or, {@code strong}, the page's records then read again by key; no scan or table query.
   */
  static void onePageOneIndexRead(Db db, OperationLog log, int size, int pages,
      boolean descending, int queryRanges, boolean strong) {
    int fetches = 2 * pages - 1;   // the walk back starts from the last page it already has
    if (db.capability().sql()) {
      assertEquals(fetches, log.count(Operation.QuerySql.class), () -> "one query a page: " + log);
      assertEquals(0, log.count(Operation.FindPkByIndex.class));
      return;
    }
    assertEquals(0, log.count(Operation.Scan.class), () -> "a page scanned: " + log);
    assertEquals(0, log.count(Operation.QueryPk.class), () -> "a table query: " + log);
    List<Operation.FindPkByIndex> reads = log.operations(Operation.FindPkByIndex.class);
    assertEquals(fetches, reads.size(), () -> "one index read a page: " + log);
    assertEquals(strong ? fetches : 0, log.count(Operation.GetByKey.class),
        () -> (strong ? "one read by key a page: " : "the items from the index: ") + log);
    for (Operation.FindPkByIndex read : reads) {
      assertEquals(size + 1, read.pageSize(), () -> "a Limit of a page and one: " + read);
    }
    long backwards = reads.stream().filter(r -> !r.forward()).count();
    assertEquals(descending ? pages : pages - 1, backwards, "index reads backwards");
    assertEquals(fetches - 1, reads.stream()
        .filter(r -> ranges(r.keyCondition()) == queryRanges + 1).count(),
        () -> "the cursor's range in the key condition of every page but the first: " + reads);
    assertEquals(queryRanges, ranges(reads.get(0).keyCondition()), "the first page's range");
    for (OperationLog.Entry e : log.entries()) {
      if (e.operation() instanceof Operation.FindPkByIndex) {
        assertTrue(rowsTaken(e.outcome()) <= size + 1 + LONGEST_TIE,
            () -> "an index read taken beyond its page: " + e);
      }
    }
  }

  /** The range comparisons among the conjuncts of {@code e} (a key condition). */
  static long ranges(ExprNode e) {
    if (e instanceof ExprNode.And and) {
      return and.operands().stream().mapToLong(PaginationScenarios::ranges).sum();
    }
    return e instanceof ExprNode.Compare c && c.op() != ExprNode.CompareOp.EQ
        && c.op() != ExprNode.CompareOp.NE ? 1 : 0;
  }

  /** The rows a read's stream gave before it ended or was cancelled. */
  static long rowsTaken(OperationLog.Outcome outcome) {
    if (outcome instanceof OperationLog.Outcome.Rows r) {
      return r.rows();
    }
    if (outcome instanceof OperationLog.Outcome.Cancelled c) {
      return c.rows();
    }
    throw new AssertionError("an index read that did not give rows: " + outcome);
  }

  /**
   * A filter fixing an indexed field, ordered by the index's sort key: walked both ways in either
   * direction, ties on the sort key broken by the key, every listing of the board once, the same
   * pages on every backend. On DynamoDB each page is one Query of the index
   * ({@code ScanIndexForward} by the direction walked, {@code Limit} the page size plus one, the
   * cursor's rank as the key condition's bound), which returns the page's items, or, asked for
   * strongly consistent items, then the page's items by key; never a scan, never the whole board
   * sorted in memory.
   */
  @BackendTest
  public void indexPagesFollowTheIndexSortKeyBothWays(Db db, OperationLog log) {
    List<Listing> stored = listings(db);
    long boardA = stored.stream().filter(l -> l.board().equals("a")).count();
    log.clear();
    List<Listing> desc = walkBothWays(db, Listings.filter(Listings.BOARD.eq("a"))
            .orderBy(Listings.RANK.desc()).paginate(3), 3, (int) boardA,
        Comparator.comparing(Listing::rank).reversed(), Listing::id);
    onePageOneIndexRead(db, log, 3, 5, true, 0, false);
    log.clear();
    List<Listing> asc = walkBothWays(db, Listings.filter(Listings.BOARD.eq("a"))
            .orderBy(Listings.RANK.asc()).stronglyConsistent().paginate(4), 4, (int) boardA,
        Comparator.comparing(Listing::rank), Listing::id);
    onePageOneIndexRead(db, log, 4, 4, false, 0, true);
    assertEquals(sameOrder(stored, "a", true), Fixtures.map(asc, Listing::title));
    assertEquals(sameOrder(stored, "a", false), Fixtures.map(desc, Listing::title));
  }

  /** The titles of {@code board}'s listings by rank (either way), ties by the key ascending. */
  private static List<String> sameOrder(List<Listing> stored, String board, boolean ascending) {
    Comparator<Listing> rank = Comparator.comparing(Listing::rank);
    return stored.stream().filter(l -> l.board().equals(board))
        .sorted((ascending ? rank : rank.reversed()).thenComparing(Listing::id))
        .map(Listing::title).toList();
  }

  /**
   * Index pages with more conditions: a range on the sort key (part of the index's key
   * condition), and a condition on another field (filtered while reading, the pages still full).
   */
  @BackendTest
  public void indexPagesWithARangeAndAFilter(Db db, OperationLog log) {
    List<Listing> stored = listings(db);
    log.clear();
    List<Listing> ranged = walkBothWays(db, Listings.filter(Listings.BOARD.eq("a")
            .and(Listings.RANK.ge(3L)).and(Listings.RANK.lt(8L))).orderBy(Listings.RANK.asc())
        .paginate(2), 2, 9, Comparator.comparing(Listing::rank), Listing::id);
    onePageOneIndexRead(db, log, 2, 5, false, 2, false);
    assertEquals(sameOrder(stored.stream().filter(l -> l.rank() >= 3 && l.rank() < 8).toList(),
        "a", true), Fixtures.map(ranged, Listing::title));
    log.clear();
    List<Listing> tagged = walkBothWays(db, Listings.filter(Listings.BOARD.eq("a")
            .and(Listings.TAG.eq("x"))).orderBy(Listings.RANK.desc()).stronglyConsistent()
            .paginate(2), 2, 5, Comparator.comparing(Listing::rank).reversed(), Listing::id);
    onePageOneIndexRead(db, log, 2, 3, true, 0, true);
    assertEquals(sameOrder(stored.stream().filter(l -> l.tag().isPresent()).toList(), "a",
        false), Fixtures.map(tagged, Listing::title));
  }

  /**
   * An index without a sort key ordered by another field: every backend pages it, a key-value
   * one by sorting the index value's records in memory (what its planner can do), still reading
   * the index, not the table.
   */
  @BackendTest
  public void pagesOverAnIndexWithoutASortKey(Db db, OperationLog log) {
    Author ann = await(Authors.create().name("ann").exec(db));
    Author bob = await(Authors.create().name("bob").exec(db));
    int[] votes = {4, 1, 4, 0, 9, 4, 2};
    for (int i = 0; i < votes.length; i++) {
      await(ann.articles().create(Articles.create()).title("t" + i).votes(votes[i]).exec(db));
      await(bob.articles().create(Articles.create()).title("u" + i).votes(i).exec(db));
    }
    log.clear();
    List<Article> all = walkBothWays(db, Articles.filter(Articles.AUTHOR_ID.eq(ann.id()))
            .orderBy(Articles.VOTES.desc()).paginate(3), 3, votes.length,
        Comparator.comparing(Article::votes).reversed(), Article::id);
    assertEquals(List.of(9, 4, 4, 4, 2, 1, 0), Fixtures.map(all, Article::votes));
    assertEquals(0, log.count(Operation.Scan.class), () -> "a page scanned: " + log);
  }

  @BackendTest
  public void badCursorsAreRefusedAsSignals(Db db, OperationLog log, BackendContext context) {
    events(db);
    PageQuery<Event> q = Events.filter(Events.STREAM.eq("a")).orderBy(Events.SEQ.asc())
        .paginate(2);
    String next = await(q.collect(db)).next().orElseThrow();
    char last = next.charAt(next.length() - 1);
    String tampered = next.substring(0, next.length() - 1) + (last == 'A' ? 'B' : 'A');
    String inner = next.substring(0, 12) + (next.charAt(12) == 'A' ? 'B' : 'A')
        + next.substring(13);
    String foreignOrder = await(Events.filter(Events.STREAM.eq("a")).orderBy(Events.SEQ.desc())
        .paginate(2).collect(db)).next().orElseThrow();
    // a page every backend reads from an index: a valid cursor, of another model
    listings(db);
    String otherModel = await(Listings.filter(Listings.BOARD.eq("a"))
        .orderBy(Listings.RANK.asc()).paginate(1).collect(db)).next().orElseThrow();
    int sent = log.size();
    List<String> bad = List.of(tampered, inner, next.substring(0, next.length() - 4), "",
        "!!not base64!!", "AAAA", next + "AA", foreignOrder, otherModel);
    for (String cursor : bad) {
      InvalidCursorException e = failure(InvalidCursorException.class,
          () -> q.after(cursor).collect(db));
      assertEquals(Optional.of("Event"), e.model());
      failure(InvalidCursorException.class, () -> q.before(cursor).collect(db));
    }
    for (String foreign : List.of(foreignOrder, otherModel)) {
      assertTrue(failure(InvalidCursorException.class, () -> q.after(foreign).collect(db))
          .getMessage().contains("another model or order"), foreign);
    }
    assertEquals(sent, log.size(), "a refused cursor reached the driver");
    BackendContext.Opened other = context.open();
    failure(InvalidCursorException.class, () -> q.after(next).collect(other.db()));
    assertEquals(0, other.log().size(), "another Db's cursor reached the driver");
    assertNotEquals(next, await(q.collect(other.db())).next().orElse(null));
  }

  @BackendTest
  public void previousOfTheSecondPageIsTheFirst(Db db) {
    events(db);
    PageQuery<Event> q = Events.filter(Events.STREAM.eq("a")).orderBy(Events.SEQ.asc())
        .paginate(3);
    Page<Event> second = await(q.after(await(q.collect(db)).next().orElseThrow()).collect(db));
    assertEquals(List.of(4L, 5L, 6L), Fixtures.map(second.items(), Event::seq));
    Page<Event> first = await(q.before(second.previous().orElseThrow()).collect(db));
    assertEquals(List.of(1L, 2L, 3L), Fixtures.map(first.items(), Event::seq));
    assertFalse(first.hasPrevious());
    assertTrue(first.hasNext());
  }

  @BackendTest
  public void aPageBeyondTheEndTurnsBack(Db db) {
    events(db);
    PageQuery<Event> q = Events.filter(Events.STREAM.eq("a")).orderBy(Events.SEQ.asc()).paginate(7);
    Page<Event> all = await(q.collect(db));
    assertFalse(all.hasNext());
    await(Events.create().stream("a").seq(8L).kind("keep").exec(db));
    Page<Event> one = await(q.after(await(Events.filter(Events.STREAM.eq("a")).orderBy(Events.SEQ.asc())
        .paginate(6).collect(db)).next().orElseThrow()).collect(db));
    assertEquals(List.of(7L, 8L), Fixtures.map(one.items(), Event::seq));
    await(Events.deleteByStreamAndSeq("a", 7L).exec(db));
    await(Events.deleteByStreamAndSeq("a", 8L).exec(db));
    Page<Event> empty = await(q.after(one.previous().orElseThrow()).collect(db));
    assertEquals(List.of(), empty.items());
    assertTrue(empty.hasPrevious());
    Page<Event> back = await(q.before(empty.previous().orElseThrow()).collect(db));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), Fixtures.map(back.items(), Event::seq));
  }

  @BackendTest
  public void lastFollowsTheOrder(Db db) {
    events(db);
    assertEquals(7L, await(Events.filter(Events.STREAM.eq("b")).orderBy(Events.SEQ.asc()).last(db)).seq());
    assertEquals(1L, await(Events.filter(Events.STREAM.eq("b")).orderBy(Events.SEQ.desc()).last(db))
        .seq());
    assertNull(await(Events.filter(Events.STREAM.eq("c")).orderBy(Events.SEQ.asc()).last(db)));
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void lastBreaksTiesByTheKey(Db db) {
    usersWithTies(db);
    User last = await(Users.all().orderBy(Users.NICKNAME.asc()).last(db));
    List<User> all = forward(db, Users.all().orderBy(Users.NICKNAME.asc()).paginate(100))
        .get(0).items();
    assertEquals(all.get(all.size() - 1), last);
  }

  @BackendTest
  public void offsetPagesCountWhenAsked(Db db) {
    events(db);
    Page<Event> second = await(Events.filter(Events.STREAM.eq("a")).orderBy(Events.SEQ.asc()).page(1, 3)
        .withTotal().collect(db));
    assertEquals(List.of(4L, 5L, 6L), Fixtures.map(second.items(), Event::seq));
    assertTrue(second.hasNext() && second.hasPrevious());
    assertEquals(7L, second.total().orElseThrow());
    Page<Event> third = await(Events.filter(Events.STREAM.eq("a")).orderBy(Events.SEQ.asc()).page(2, 3)
        .collect(db));
    assertEquals(List.of(7L), Fixtures.map(third.items(), Event::seq));
    assertFalse(third.hasNext());
    assertTrue(third.total().isEmpty());
  }

  @BackendTest
  public void hundredsOfWalksShareASmallPool(Db db, OperationLog log) {
    events(db);
    PageQuery<Event> q = Events.filter(Events.STREAM.eq("b")).orderBy(Events.SEQ.desc())
        .paginate(3);
    List<Mono<List<Long>>> walks = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Mono<List<Long>> walk = q.collect(db).flatMap(first -> q.after(first.next().orElseThrow())
          .collect(db).map(second -> {
            List<Long> seqs = new ArrayList<>(Fixtures.map(first.items(), Event::seq));
            seqs.addAll(Fixtures.map(second.items(), Event::seq));
            return seqs;
          }));
      if (i % 5 == 0) {
        walk.subscribe().dispose();   // a client that went away
      } else {
        walks.add(walk);
      }
    }
    List<List<Long>> done = Flux.merge(walks).collectList().block(Tck.TIMEOUT);
    assertEquals(240, done.size());
    done.forEach(seqs -> assertEquals(List.of(7L, 6L, 5L, 4L, 3L, 2L), seqs));
    Tck.eventually("every connection is released: acquired " + log.connectionsAcquired()
        + ", released " + log.connectionsReleased(), () -> log.connectionsInUse() == 0);
  }
}
