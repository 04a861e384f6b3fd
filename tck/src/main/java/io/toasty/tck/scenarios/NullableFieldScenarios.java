package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.models.Color;
import io.toasty.tck.models.NullableTypes;
import io.toasty.tck.models.NullableTypesCreate;
import io.toasty.tck.models.NullableTypesRows;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Optional fields: unset, set, set to null, updated to null and back. */
@Models({NullableTypesRows.class, Users.class})
public abstract class NullableFieldScenarios {

  static final UUID U = UUID.fromString("0190a4b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b");
  static final Instant I = Instant.parse("2024-05-06T07:08:09Z");
  static final OffsetDateTime ODT = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC);

  static NullableTypesCreate everySet() {
    return NullableTypesRows.create().optBool(true).optByte((byte) 1).optShort((short) 2)
        .optInt(3).optLong(4L).optFloat(5.5f).optDouble(6.5).optText("seven").optUuid(U)
        .optDecimal(new BigDecimal("8.25")).optBytes(new byte[] {9}).optInstant(I)
        .optDate(LocalDate.of(2024, 5, 6)).optTime(LocalTime.of(7, 8, 9))
        .optDateTime(LocalDateTime.of(2024, 5, 6, 7, 8, 9)).optOffsetDateTime(ODT)
        .optColor(Color.BLUE);
  }

  static void assertAllEmpty(NullableTypes r) {
    assertAll(
        () -> assertEquals(Optional.empty(), r.optBool()),
        () -> assertEquals(Optional.empty(), r.optByte()),
        () -> assertEquals(Optional.empty(), r.optShort()),
        () -> assertEquals(Optional.empty(), r.optInt()),
        () -> assertEquals(Optional.empty(), r.optLong()),
        () -> assertEquals(Optional.empty(), r.optFloat()),
        () -> assertEquals(Optional.empty(), r.optDouble()),
        () -> assertEquals(Optional.empty(), r.optText()),
        () -> assertEquals(Optional.empty(), r.optUuid()),
        () -> assertEquals(Optional.empty(), r.optDecimal()),
        () -> assertTrue(r.optBytes().isEmpty(), "optBytes"),
        () -> assertEquals(Optional.empty(), r.optInstant()),
        () -> assertEquals(Optional.empty(), r.optDate()),
        () -> assertEquals(Optional.empty(), r.optTime()),
        () -> assertEquals(Optional.empty(), r.optDateTime()),
        () -> assertEquals(Optional.empty(), r.optOffsetDateTime()),
        () -> assertEquals(Optional.empty(), r.optColor()));
  }

  static void assertAllSet(NullableTypes r) {
    assertAll(
        () -> assertEquals(Optional.of(true), r.optBool()),
        () -> assertEquals(Optional.of((byte) 1), r.optByte()),
        () -> assertEquals(Optional.of((short) 2), r.optShort()),
        () -> assertEquals(Optional.of(3), r.optInt()),
        () -> assertEquals(Optional.of(4L), r.optLong()),
        () -> assertEquals(Optional.of(5.5f), r.optFloat()),
        () -> assertEquals(Optional.of(6.5), r.optDouble()),
        () -> assertEquals(Optional.of("seven"), r.optText()),
        () -> assertEquals(Optional.of(U), r.optUuid()),
        () -> assertEquals(0, new BigDecimal("8.25").compareTo(r.optDecimal().orElseThrow())),
        () -> assertArrayEquals(new byte[] {9}, r.optBytes().orElseThrow()),
        () -> assertEquals(Optional.of(I), r.optInstant()),
        () -> assertEquals(Optional.of(LocalDate.of(2024, 5, 6)), r.optDate()),
        () -> assertEquals(Optional.of(LocalTime.of(7, 8, 9)), r.optTime()),
        () -> assertEquals(Optional.of(LocalDateTime.of(2024, 5, 6, 7, 8, 9)), r.optDateTime()),
        () -> assertEquals(I, r.optOffsetDateTime().orElseThrow().toInstant()),
        () -> assertEquals(Optional.of(Color.BLUE), r.optColor()));
  }

  @BackendTest
  public void unsetOptionalsLoadEmpty(Db db) {
    NullableTypes created = await(NullableTypesRows.create().exec(db));
    assertAllEmpty(created);
    assertAllEmpty(await(NullableTypesRows.getById(db, created.id())));
  }

  @BackendTest
  public void setOptionalsRoundTrip(Db db) {
    NullableTypes created = await(everySet().exec(db));
    assertAllSet(await(NullableTypesRows.getById(db, created.id())));
  }

  @BackendTest
  public void explicitNullsAndEmptyOptionalsLoadEmpty(Db db) {
    NullableTypes r = await(NullableTypesRows.create().optText((String) null)
        .optInt(Optional.empty()).optUuid((UUID) null).optColor(Optional.empty()).exec(db));
    assertAllEmpty(await(NullableTypesRows.getById(db, r.id())));
  }

  @BackendTest
  public void updatingEveryOptionalToNullClearsIt(Db db) {
    NullableTypes r = await(everySet().exec(db));
    NullableTypes updated = await(NullableTypesRows.update(r).optBool((Boolean) null)
        .optByte((Byte) null).optShort((Short) null).optInt((Integer) null).optLong((Long) null)
        .optFloat((Float) null).optDouble((Double) null).optText((String) null)
        .optUuid((UUID) null).optDecimal((BigDecimal) null).optBytes((byte[]) null)
        .optInstant((Instant) null).optDate((LocalDate) null).optTime((LocalTime) null)
        .optDateTime((LocalDateTime) null).optOffsetDateTime((OffsetDateTime) null)
        .optColor((Color) null).exec(db));
    assertAllEmpty(updated);
    assertAllEmpty(await(NullableTypesRows.getById(db, r.id())));
  }

  @BackendTest
  public void updatingNullOptionalsToValuesSetsThem(Db db) {
    NullableTypes r = await(NullableTypesRows.create().exec(db));
    await(NullableTypesRows.updateById(r.id()).optBool(true).optByte((byte) 1)
        .optShort((short) 2).optInt(3).optLong(4L).optFloat(5.5f).optDouble(6.5)
        .optText("seven").optUuid(U).optDecimal(new BigDecimal("8.25"))
        .optBytes(new byte[] {9}).optInstant(I).optDate(LocalDate.of(2024, 5, 6))
        .optTime(LocalTime.of(7, 8, 9)).optDateTime(LocalDateTime.of(2024, 5, 6, 7, 8, 9))
        .optOffsetDateTime(ODT).optColor(Color.BLUE).exec(db));
    assertAllSet(await(NullableTypesRows.getById(db, r.id())));
  }

  @BackendTest
  public void isNullAndIsNotNullSplitTheRows(Db db) {
    NullableTypes unset = await(NullableTypesRows.create().exec(db));
    NullableTypes set = await(everySet().exec(db));
    assertEquals(List.of(unset.id()), Fixtures.map(await(NullableTypesRows
        .filter(NullableTypesRows.OPT_TEXT.isNull()).collect(db)), NullableTypes::id));
    assertEquals(List.of(set.id()), Fixtures.map(await(NullableTypesRows
        .filter(NullableTypesRows.OPT_INSTANT.isNotNull()).collect(db)), NullableTypes::id));
  }

  @BackendTest
  public void equalsNullMatchesNothing(Db db) {
    await(NullableTypesRows.create().exec(db));
    await(everySet().exec(db));
    assertEquals(List.of(), await(NullableTypesRows
        .filter(NullableTypesRows.OPT_TEXT.eq((String) null)).collect(db)));
  }

  @BackendTest
  public void userNicknameSetThenCleared(Db db) {
    User u = Fixtures.user(db, "ann", "annie", 0);
    assertEquals(Optional.of("annie"), await(Users.getById(db, u.id())).nickname());
    User cleared = await(Users.update(u).nickname((String) null).exec(db));
    assertEquals(Optional.empty(), cleared.nickname());
    assertEquals(Optional.empty(), await(Users.getById(db, u.id())).nickname());
    User again = await(Users.update(cleared).nickname("ann").exec(db));
    assertEquals(Optional.of("ann"), again.nickname());
  }
}
