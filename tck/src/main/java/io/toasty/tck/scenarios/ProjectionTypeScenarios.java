package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Agg;
import io.toasty.Expr;
import io.toasty.Path;
import io.toasty.Selectable;
import io.toasty.error.InvalidStatementException;
import io.toasty.reactive.Db;
import io.toasty.stmt.ExprNode;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Color;
import io.toasty.tck.models.Keeper;
import io.toasty.tck.models.Keepers;
import io.toasty.tck.models.Specimen;
import io.toasty.tck.models.Specimens;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import reactor.util.function.Tuple2;

/**
 * Every kind of field a model may hold comes back from a projection as its own Java type, on
 * every backend: selected, grouped by (with a count), made distinct, and (where its type has an
 * order) taken the least and greatest of. Three specimens: {@code a} and {@code b} hold the same
 * value in every field, {@code c} another one (or none, in its {@code Optional} fields), so each
 * field groups as {a, b} and {c}.
 */
@Models({Specimens.class, Keepers.class})
public abstract class ProjectionTypeScenarios {

  /** Unsigned, as databases order UUIDs (and unlike UUID.compareTo): {@code LOW < HIGH}. */
  static final UUID LOW = UUID.fromString("00000000-0000-4000-8000-000000000001");
  static final UUID HIGH = UUID.fromString("f0000000-0000-4000-8000-000000000002");

  /**
   * A field as a projection sees it: its selection, its value in a specimen, the Java class its
   * results must have, and for ordered types the least and greatest aggregates.
   */
  record Case<T>(String name, Selectable<T> selection, Function<Specimen, Optional<T>> value,
      Class<?> javaClass, Expr<T> min, Expr<T> max, Comparator<T> order) {}

  private static <T extends Comparable<? super T>> Case<T> ordered(String name, Path<T> path,
      Class<?> javaClass, Function<Specimen, Optional<T>> value) {
    return ordered(name, path, javaClass, value, Comparator.naturalOrder());
  }

  private static <T extends Comparable<? super T>> Case<T> ordered(String name, Path<T> path,
      Class<?> javaClass, Function<Specimen, Optional<T>> value, Comparator<T> order) {
    return new Case<>(name, path, value, javaClass, Agg.min(path), Agg.max(path), order);
  }

  private static <T> Case<T> unordered(String name, Selectable<T> selection, Class<?> javaClass,
      Function<Specimen, Optional<T>> value) {
    return new Case<>(name, selection, value, javaClass, null, null, null);
  }

  private static <T> Function<Specimen, Optional<T>> required(Function<Specimen, T> get) {
    return s -> Optional.of(get.apply(s));
  }

  /** Every kind of field, in the model's order. */
  static List<Case<?>> cases() {
    Comparator<UUID> unsigned = Comparator.comparing((UUID u) -> u.toString());
    Comparator<Color> byName = Comparator.comparing(Color::name);
    return List.of(
        ordered("flag", Specimens.FLAG, Boolean.class, required(Specimen::flag)),
        ordered("tiny", Specimens.TINY, Byte.class, required(Specimen::tiny)),
        ordered("small", Specimens.SMALL, Short.class, required(Specimen::small)),
        ordered("medium", Specimens.MEDIUM, Integer.class, required(Specimen::medium)),
        ordered("large", Specimens.LARGE, Long.class, required(Specimen::large)),
        ordered("ratio", Specimens.RATIO, Float.class, required(Specimen::ratio)),
        ordered("score", Specimens.SCORE, Double.class, required(Specimen::score)),
        ordered("label", Specimens.LABEL, String.class, required(Specimen::label)),
        ordered("ref", Specimens.REF, UUID.class, required(Specimen::ref), unsigned),
        ordered("amount", Specimens.AMOUNT, BigDecimal.class, required(Specimen::amount)),
        unordered("blob", Specimens.BLOB, byte[].class, required(Specimen::blob)),
        ordered("at", Specimens.AT, Instant.class, required(Specimen::at)),
        ordered("day", Specimens.DAY, LocalDate.class, required(Specimen::day)),
        ordered("clock", Specimens.CLOCK, LocalTime.class, required(Specimen::clock)),
        ordered("stamp", Specimens.STAMP, LocalDateTime.class, required(Specimen::stamp)),
        ordered("zoned", Specimens.ZONED, OffsetDateTime.class, required(Specimen::zoned),
            Comparator.comparing(OffsetDateTime::toInstant)),
        ordered("color", Specimens.COLOR, Color.class, required(Specimen::color), byName),
        ordered("tint", Specimens.TINT, Color.class, Specimen::tint, byName),
        ordered("extra", Specimens.EXTRA, Integer.class, Specimen::extra),
        unordered("spot", Specimens.SPOT, Specimen.Spot.class, required(Specimen::spot)),
        unordered("backup", Specimens.BACKUP, Specimen.Spot.class, Specimen::backup),
        unordered("phase", Specimens.PHASE, Specimen.Phase.class, required(Specimen::phase)),
        unordered("note", Specimens.NOTE, Specimen.Note.class, required(Specimen::note)),
        unordered("tags", Specimens.TAGS, List.class, required(Specimen::tags)),
        unordered("codes", Specimens.CODES, Set.class, required(Specimen::codes)),
        unordered("counts", Specimens.COUNTS, Map.class, required(Specimen::counts)),
        ordered("keeperId", Specimens.KEEPER_ID, UUID.class, Specimen::keeperId, unsigned));
  }

  /** {@code a} and {@code b}, equal but for their keys, and {@code c}, different everywhere. */
  static List<Specimen> specimens(Db db) {
    Keeper keeper = await(Keepers.create().id(LOW).name("kim").exec(db));
    List<Specimen> out = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      out.add(await(Specimens.create().id(UUID.randomUUID()).flag(true).tiny((byte) 1)
          .small((short) 10).medium(100).large(1000L).ratio(0.5f).score(1.25).label("alpha")
          .ref(LOW).amount(new BigDecimal("12.5")).blob(new byte[] {1, 2})
          .at(Instant.parse("2024-05-01T10:00:00Z")).day(LocalDate.of(2024, 5, 1))
          .clock(LocalTime.of(10, 15, 30)).stamp(LocalDateTime.of(2024, 5, 1, 10, 15, 30))
          .zoned(OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 0, ZoneOffset.UTC))
          .color(Color.RED).tint(Color.RED).extra(7)
          .spot(new Specimen.Spot("Oslo", 1)).backup(new Specimen.Spot("Oslo", 1))
          .phase(new Specimen.Busy("dig")).note(new Specimen.Note("hi", 3))
          .tags(List.of("x", "y")).codes(Set.of(1L, 2L)).counts(Map.of("a", 1))
          .keeper(keeper).exec(db)));
    }
    out.add(await(Specimens.create().id(UUID.randomUUID()).flag(false).tiny((byte) -3)
        .small((short) -20).medium(-200).large(-2000L).ratio(-1.5f).score(9.75).label("beta")
        .ref(HIGH).amount(new BigDecimal("3.75")).blob(new byte[] {9})
        .at(Instant.parse("1999-12-31T23:59:59Z")).day(LocalDate.of(1999, 12, 31))
        .clock(LocalTime.of(8, 0)).stamp(LocalDateTime.of(1999, 12, 31, 23, 59, 59))
        .zoned(OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC))
        .color(Color.GREEN).spot(new Specimen.Spot("Bergen", 2)).phase(new Specimen.Idle())
        .note(new Specimen.Note("yo", 5)).tags(List.of("z")).codes(Set.of(9L))
        .counts(Map.of("b", 2)).exec(db)));
    return out;
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void anEnumGroupedByComesBackAsItsConstant(Db db) {
    specimens(db);
    List<Tuple2<Color, Long>> rows = await(Specimens.all()
        .select(Specimens.COLOR, Agg.count()).groupBy(Specimens.COLOR).collect(db));
    Map<Color, Long> counts = new HashMap<>();
    rows.forEach(t -> counts.put(t.getT1(), t.getT2()));   // getT1() is a Color
    assertEquals(Map.of(Color.RED, 2L, Color.GREEN, 1L), counts);
  }

  /** The selections of {@code cases}, in order. */
  private static List<Selectable<?>> selections(List<Case<?>> cases) {
    return cases.stream().<Selectable<?>>map(Case::selection).toList();
  }

  /** Column {@code i} of {@code rows}. */
  private static List<Object> column(List<List<Object>> rows, int i) {
    return rows.stream().map(r -> r.get(i)).toList();
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void eachFieldIsSelectedAsItsJavaType(Db db) {
    List<Specimen> all = specimens(db);
    List<Case<?>> cases = cases();
    List<List<Object>> rows = await(Specimens.all().select(Arrays::asList, selections(cases))
        .collect(db));
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case<?> c = cases.get(i);
      check(c, column(rows, i), wrong);
      List<Object> expected = all.stream().map(s -> (Object) c.value().apply(s).orElse(null))
          .toList();
      assertSameValues(c.name(), expected, column(rows, i), wrong);
    }
    assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void eachFieldGroupsWithItsCount(Db db) {
    List<Specimen> all = specimens(db);
    List<Case<?>> cases = cases();
    List<Selectable<?>> selected = new ArrayList<>(selections(cases));
    selected.add(Agg.count());
    List<List<Object>> rows = await(Specimens.all().select(Arrays::asList, selected)
        .groupBy(selections(cases).toArray(Selectable<?>[]::new)).collect(db));
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case<?> c = cases.get(i);
      check(c, column(rows, i), wrong);
      Map<Object, Long> counts = new HashMap<>();
      for (List<Object> r : rows) {
        counts.put(comparable(r.get(i)), (Long) r.get(cases.size()));
      }
      Map<Object, Long> expected = new HashMap<>();
      all.forEach(s -> expected.merge(comparable(c.value().apply(s).orElse(null)), 1L,
          Long::sum));
      if (!expected.equals(counts)) {
        wrong.add(c.name() + ": groups " + counts + ", expected " + expected);
      }
    }
    assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void eachFieldIsDistinct(Db db) {
    List<Specimen> all = specimens(db);
    List<Case<?>> cases = cases();
    List<List<Object>> rows = await(Specimens.all().select(Arrays::asList, selections(cases))
        .distinct().collect(db));
    assertEquals(2, rows.size(), rows::toString);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case<?> c = cases.get(i);
      check(c, column(rows, i), wrong);
      Set<Object> expected = new LinkedHashSet<>();
      all.forEach(s -> expected.add(comparable(c.value().apply(s).orElse(null))));
      Set<Object> seen = new LinkedHashSet<>();
      column(rows, i).forEach(v -> seen.add(comparable(v)));
      if (!expected.equals(seen)) {
        wrong.add(c.name() + ": distinct " + seen + ", expected " + expected);
      }
    }
    assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void orderedFieldsKeepTheirTypeInMinAndMax(Db db) {
    List<Specimen> all = specimens(db);
    minAndMax(db, cases().stream().filter(c -> c.min() != null && !c.name().equals("amount"))
        .toList(), all);
  }

  @BackendTest
  @Requires(Need.DECIMAL_ORDER)
  public void decimalsKeepTheirTypeInMinAndMax(Db db) {
    List<Specimen> all = specimens(db);
    minAndMax(db, cases().stream().filter(c -> c.name().equals("amount")).toList(), all);
  }

  /** The least and greatest value of each of {@code cases}, in one query. */
  private static void minAndMax(Db db, List<Case<?>> cases, List<Specimen> all) {
    List<Selectable<?>> aggregates = new ArrayList<>();
    cases.forEach(c -> {
      aggregates.add(c.min());
      aggregates.add(c.max());
    });
    List<Object> row = await(Specimens.all().select(Arrays::asList, aggregates).first(db));
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      expectMinAndMax(cases.get(i), row.subList(2 * i, 2 * i + 2), all, wrong);
    }
    assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
  }

  private static <T> void expectMinAndMax(Case<T> c, List<Object> got, List<Specimen> all,
      List<String> wrong) {
    check(c, got, wrong);
    List<T> values = all.stream().flatMap(s -> c.value().apply(s).stream()).toList();
    List<Object> expected = List.of(values.stream().min(c.order()).orElseThrow(),
        values.stream().max(c.order()).orElseThrow());
    if (!comparable(expected).equals(comparable(got))) {
      wrong.add(c.name() + ": min and max " + got + ", expected " + expected);
    }
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void aggregatesHaveTheirDocumentedTypes(Db db) {
    specimens(db);
    List<Object> row = await(Specimens.all().select(Arrays::asList, List.of(
        Agg.count(Specimens.EXTRA), Agg.countDistinct(Specimens.COLOR), Agg.sum(Specimens.TINY),
        Agg.sum(Specimens.SMALL), Agg.sum(Specimens.MEDIUM), Agg.avg(Specimens.RATIO),
        Agg.sumDouble(Specimens.SCORE))).first(db));
    assertEquals(List.of(2L, 2L, -1L, 0L, 0L, -1.0 / 6, 12.25), row);
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void aCompositeFieldGroupsBesideItsOwnColumns(Db db) {
    specimens(db);
    List<Tuple2<String, Specimen.Spot>> rows = await(Specimens.all()
        .select(Specimens.SPOT.CITY, Specimens.SPOT).groupBy(Specimens.SPOT)
        .collect(db));
    assertEquals(Set.of("Oslo=Spot[city=Oslo, floor=1]", "Bergen=Spot[city=Bergen, floor=2]"),
        Set.copyOf(rows.stream().map(t -> t.getT1() + "=" + t.getT2()).toList()));
    List<Tuple2<Specimen.Phase, Long>> phases = await(Specimens
        .filter(Specimens.PHASE.is(Specimen.Busy.class))
        .select(Specimens.PHASE, Agg.count()).groupBy(Specimens.PHASE).collect(db));
    assertEquals(List.of(new Specimen.Busy("dig")), phases.stream().map(Tuple2::getT1).toList());
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void theLeastOfAnUnorderedTypeIsRefused(Db db) {
    specimens(db);
    Expr<List<String>> least = new Expr<>(new ExprNode.Aggregate(
        ExprNode.AggOp.MIN, Specimens.TAGS.node(), false), Specimens.TAGS.type());
    InvalidStatementException e = Tck.failure(InvalidStatementException.class,
        () -> Specimens.all().select(least).first(db));
    assertTrue(e.getMessage().contains("tags") && e.getMessage().contains("order"),
        e.getMessage());
  }

  /** Each non-null value of {@code got} is of the case's Java class. */
  private static void check(Case<?> c, List<Object> got, List<String> wrong) {
    for (Object v : got) {
      if (v != null && !c.javaClass().isInstance(v)) {
        wrong.add(c.name() + ": " + v.getClass().getName() + " " + v + ", expected a "
            + c.javaClass().getName());
      }
    }
  }

  private static void assertSameValues(String name, List<Object> expected, List<Object> got,
      List<String> wrong) {
    List<String> e = expected.stream().map(v -> String.valueOf(comparable(v))).sorted().toList();
    List<String> g = got.stream().map(v -> String.valueOf(comparable(v))).sorted().toList();
    if (!e.equals(g)) {
      wrong.add(name + ": " + g + ", expected " + e);
    }
  }

  /** {@code v} as a value that equals another of the same content. */
  static Object comparable(Object v) {
    if (v instanceof byte[] b) {
      return HexFormat.of().formatHex(b);
    }
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
    if (v instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(ProjectionTypeScenarios::comparable).toList();
    }
    if (v instanceof Set<?> set) {
      return new TreeSet<>(set);
    }
    return v;
  }
}
