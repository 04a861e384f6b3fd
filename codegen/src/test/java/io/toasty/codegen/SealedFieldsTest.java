package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.toasty.codegen.samples.Account;
import io.toasty.codegen.samples.AccountRenamed;
import io.toasty.codegen.samples.AccountRenameds;
import io.toasty.codegen.samples.Accounts;
import io.toasty.error.InvalidFilterException;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.UnknownVariantException;
import io.toasty.schema.app.FieldSchema;
import io.toasty.value.Value;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Sealed-interface fields: a discriminator column and the variants' fields flattened into plain
 * nullable fields of the schema, reassembled by discriminator on load, and every misuse a compile
 * error naming model and field.
 */
class SealedFieldsTest {
  private static final Account.Suspended SUSPENDED = new Account.Suspended("spam",
      Optional.of(Instant.parse("2030-01-01T00:00:00Z")), 3);

  @Test
  void aDiscriminatorColumnThenEachVariantsFields() {
    List<FieldSchema> fields = Accounts.MODEL.schema().fields();
    assertEquals(List.of("id", "status", "status_susp_reason", "status_susp_until",
            "status_susp_strikes", "tier_level", "tier_level_2_cents"),
        fields.stream().map(FieldSchema::columnName).toList());
    assertEquals(List.of("id", "status.discriminator", "status.suspended.reason",
            "status.suspended.until", "status.suspended.strikes", "tier.discriminator",
            "tier.paid.monthlyCents"), fields.stream().map(FieldSchema::name).toList());
    // The discriminator of a field that is not Optional is required; variant columns never are.
    assertEquals(List.of(false, false, true, true, true, true, true),
        fields.stream().map(FieldSchema::nullable).toList());
  }

  @Test
  void pathsReachTheDiscriminatorAndTheVariantsFields() {
    assertEquals(1, Accounts.STATUS.DISCRIMINATOR.index());
    assertEquals(2, Accounts.STATUS.SUSPENDED.REASON.index());
    assertEquals("status", Accounts.STATUS.SUSPENDED.REASON.wholeOnly());
    assertEquals("status", Accounts.STATUS.DISCRIMINATOR.wholeOnly());
    assertEquals("susp", Accounts.STATUS.discriminant(Account.Suspended.class));
    assertEquals("Active", Accounts.STATUS.discriminant(Account.Active.class));
    assertEquals(2, Accounts.TIER.discriminant(Account.Paid.class));
    assertEquals(6, Accounts.TIER.PAID.MONTHLY_CENTS.index());
  }

  @Test
  void valuesAndLoadRoundTripEveryVariant() {
    for (Account a : List.of(
        new Account(1, new Account.Active(), Optional.empty()),
        new Account(2, SUSPENDED, Optional.of(new Account.Free())),
        new Account(3, new Account.Suspended("", Optional.empty(), -1),
            Optional.of(new Account.Paid(Long.MAX_VALUE))))) {
      Value.Record values = Accounts.MODEL.values(a);
      assertEquals(7, values.size());
      assertEquals(a, Accounts.MODEL.load(values));
    }
    Value.Record active = Accounts.MODEL.values(new Account(1, new Account.Active(),
        Optional.of(new Account.Free())));
    for (int i = 2; i < 7; i++) {
      assertTrue(i == 5 || active.get(i).isNull(), "column " + i + " of another variant");
    }
  }

  @Test
  void renamedVariantsWithTheirDiscriminatorsReadTheRowsWrittenBefore() {
    assertEquals(Accounts.MODEL.schema().fields().stream().map(FieldSchema::columnName).toList(),
        AccountRenameds.MODEL.schema().fields().stream().map(FieldSchema::columnName).toList());
    Account before = new Account(1, SUSPENDED, Optional.of(new Account.Paid(500)));
    AccountRenamed after = AccountRenameds.MODEL.load(Accounts.MODEL.values(before));
    assertEquals(new AccountRenamed(1, new AccountRenamed.Halted("spam",
        SUSPENDED.until(), 3), Optional.of(new AccountRenamed.Premium(500))), after);
    assertEquals(new Account.Free(), Accounts.MODEL.load(AccountRenameds.MODEL.values(
        new AccountRenamed(2, new AccountRenamed.Active(), Optional.of(
            new AccountRenamed.Gratis())))).tier().orElseThrow());
  }

  @Test
  void anUnknownStoredDiscriminatorIsATypedErrorNamingModelFieldAndValue() {
    Value.Record values = Accounts.MODEL.values(new Account(1, new Account.Active(),
        Optional.empty()));
    Value[] broken = new Value[values.size()];
    for (int i = 0; i < broken.length; i++) {
      broken[i] = i == 1 ? Value.of("Closed") : values.get(i);
    }
    UnknownVariantException e = assertThrows(UnknownVariantException.class,
        () -> Accounts.MODEL.load(Value.Record.of(broken)));
    assertEquals("Account.status: stored discriminator \"Closed\" matches no variant (known:"
        + " Active, susp)", e.getMessage());
    assertEquals("Closed", e.value());
    assertEquals(Optional.of("status"), e.field());
  }

  @Test
  void aRequiredVariantFieldReadAsNullFailsNamingIt() {
    Value.Record values = Accounts.MODEL.values(new Account(1, SUSPENDED, Optional.empty()));
    Value[] broken = new Value[values.size()];
    for (int i = 0; i < broken.length; i++) {
      broken[i] = i == 2 ? Value.NULL : values.get(i);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Accounts.MODEL.load(Value.Record.of(broken)));
    assertTrue(e.getMessage().startsWith("Account.status.suspended.reason"), e.getMessage());
  }

  @Test
  void buildersRefuseNullsAndSingleColumns() {
    InvalidStatementException e = assertThrows(InvalidStatementException.class,
        () -> Accounts.create().status(new Account.Suspended(null, Optional.empty(), 0)));
    assertTrue(e.getMessage().contains("status.suspended.reason"), e.getMessage());
    assertThrows(InvalidStatementException.class, () -> Accounts.create().status(null));
    e = assertThrows(InvalidStatementException.class,
        () -> Accounts.create().set(Accounts.STATUS.SUSPENDED.REASON, "x"));
    assertTrue(e.getMessage().contains("lies in field status"), e.getMessage());
    assertThrows(InvalidStatementException.class,
        () -> Accounts.create().set(Accounts.STATUS.DISCRIMINATOR, "Active"));
    Accounts.create().tier((Account.Tier) null).tier(Optional.of(new Account.Free()));
  }

  @Test
  void aClassThatIsNoVariantIsRefusedInAFilter() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Account.Status> status = (Class) Account.Status.class;
    InvalidFilterException e = assertThrows(InvalidFilterException.class,
        () -> Accounts.STATUS.is(status));
    assertTrue(e.getMessage().contains("is not a variant of Status"), e.getMessage());
  }

  @Test
  void aDiscriminatorClash() {
    assertError("User.status: variants A and B of Status share the discriminator \"x\"",
        "Status status",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Status status) {}",
        "sealed interface Status permits A, B {}",
        "@Discriminator(\"x\") record A() implements Status {}",
        "@Discriminator(\"x\") record B(int n) implements Status {}");
  }

  @Test
  void aNumericDiscriminatorClash() {
    assertError("User.status: variants A and B of Status share the discriminator 1",
        "Status status",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Status status) {}",
        "sealed interface Status permits A, B {}",
        "@Discriminator(number = 1) record A() implements Status {}",
        "@Discriminator(number = 1) record B(int n) implements Status {}");
  }

  @Test
  void mixedDiscriminatorKinds() {
    assertError("User.status: variant B of Status needs @Discriminator(number = ..)",
        "Status status",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Status status) {}",
        "sealed interface Status permits A, B {}",
        "@Discriminator(number = 1) record A() implements Status {}",
        "record B(int n) implements Status {}");
  }

  @Test
  void aVariantThatIsNoRecord() {
    assertError("User.status: variant B of Status is a class, not a record", "Status status",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Status status) {}",
        "sealed interface Status permits A, B {}",
        "record A() implements Status {}",
        "final class B implements Status {}");
  }

  @Test
  void aVariantFieldOfAnUnsupportedType() {
    assertError("User.status.b.tags: unsupported variant field type"
            + " java.util.List<java.lang.String>", "Status status",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Status status) {}",
        "sealed interface Status permits A, B {}",
        "record A() implements Status {}",
        "record B(List<String> tags) implements Status {}");
  }

  @Test
  void aSealedCycleThroughAVariant() {
    assertError("User.status.b.previous: variant field of type java.util.Optional<com.example"
            + ".Status> contains Status again (a sealed cycle)", "Status status",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Status status) {}",
        "sealed interface Status permits A, B {}",
        "record A() implements Status {}",
        "record B(Optional<Status> previous) implements Status {}");
  }

  @Test
  void anInterfaceThatIsNotSealed() {
    assertError("User.status: interface Status is not sealed", "Status status",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Status status) {}",
        "interface Status {}");
  }

  @Test
  void aSealedKey() {
    assertError("User.status: @Key does not apply to a sealed-interface field",
        "@Key Status status",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Key Status status) {}",
        "sealed interface Status permits A {}",
        "record A() implements Status {}");
  }

  @Test
  void aVariantColumnClashingWithAModelColumn() {
    assertError("User.status.a.reason: column \"status_a_reason\" is already the column of"
            + " field statusAReason", "Status status",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    String statusAReason,",
        "    Status status) {}",
        "sealed interface Status permits A {}",
        "record A(String reason) implements Status {}");
  }

  @Test
  void aWellFormedSealedFieldCompilesWithoutWarnings() {
    Compilation compilation = Sources.compile(Sources.user(
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Optional<Status> status,",
        "    String name) {",
        "  public sealed interface Status permits A, B {}",
        "  public record A() implements Status {}",
        "  @Discriminator(\"bee\") public record B(int n, Optional<String> note, byte[] data)"
            + " implements Status {}",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  private static void assertError(String message, String line, String... lines) {
    CompileErrors.assertOneError(message, line, lines);
  }
}
