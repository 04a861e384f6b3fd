package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.Feature;
import io.toasty.error.CardinalityException;
import io.toasty.error.CommitOutcomeUnknownException;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.DeferredNotLoadedException;
import io.toasty.error.DivisionByZeroException;
import io.toasty.error.DriverException;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.InvalidCursorException;
import io.toasty.error.InvalidFilterException;
import io.toasty.error.InvalidModelException;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.ItemTooLargeException;
import io.toasty.error.JsonFieldException;
import io.toasty.error.NotNullViolationException;
import io.toasty.error.PoolTimeoutException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.RelationNotLoadedException;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.StaleRecordException;
import io.toasty.error.ThrottledException;
import io.toasty.error.ToastyException;
import io.toasty.error.TransactionRolledBackException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.UnknownVariantException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.error.ValueOutOfRangeException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Every Toasty exception maps to its Spring exception, with the Toasty one as the cause. */
class ToastyExceptionTranslatorTest {
  private final ToastyExceptionTranslator translator = new ToastyExceptionTranslator();

  static Stream<Arguments> translations() {
    Throwable driver = new RuntimeException("driver's own");
    return Stream.of(
        Arguments.of(new UniqueViolationException("User", "email", "taken", driver),
            DuplicateKeyException.class),
        Arguments.of(new ForeignKeyViolationException("Post", "authorId", "no such", driver),
            DataIntegrityViolationException.class),
        Arguments.of(new NotNullViolationException("User", "name", "null", driver),
            DataIntegrityViolationException.class),
        Arguments.of(new RecordNotFoundException("User", "id = 7"),
            EmptyResultDataAccessException.class),
        Arguments.of(new SerializationFailureException("postgresql", "40001", "conflict", driver),
            PessimisticLockingFailureException.class),
        Arguments.of(new SerializationFailureException("postgresql", "40P01", "deadlock", driver),
            PessimisticLockingFailureException.class),
        Arguments.of(new SerializationFailureException("mysql", "HY000", "lock wait", driver,
                true), CannotAcquireLockException.class),
        Arguments.of(new SerializationFailureException("postgresql", "55P03", "lock timeout",
                driver, true), CannotAcquireLockException.class),
        Arguments.of(new SerializationFailureException("h2", "HYT00", "lock timeout", driver,
                true), CannotAcquireLockException.class),
        // MariaDB's "record has changed since last read": HY000 like a lock wait, but a conflict
        Arguments.of(new SerializationFailureException("mysql", "HY000", "changed", driver),
            PessimisticLockingFailureException.class),
        Arguments.of(new ConnectionLostException("postgresql", "08006", "gone", driver),
            TransientDataAccessResourceException.class),
        Arguments.of(new DriverException("postgresql", "57014", "statement timeout", driver),
            QueryTimeoutException.class),
        Arguments.of(new DriverException("mysql", "70100", "max_statement_time", driver),
            QueryTimeoutException.class),
        Arguments.of(new io.toasty.error.QueryTimeoutException("h2", "57014", "timed out", driver),
            QueryTimeoutException.class),
        Arguments.of(new InvalidStatementException("User", "name", "null"),
            InvalidDataAccessApiUsageException.class),
        Arguments.of(new InvalidModelException("User", "posts", "bad"),
            InvalidDataAccessApiUsageException.class),
        Arguments.of(new UnsupportedFeatureException(Feature.SAVEPOINTS, "dynamodb", "no"),
            InvalidDataAccessApiUsageException.class),
        Arguments.of(new RelationNotLoadedException("User", "posts", "include it"),
            InvalidDataAccessApiUsageException.class),
        Arguments.of(new SerializationFailureException("dynamodb", null, "conflict", driver),
            PessimisticLockingFailureException.class),
        Arguments.of(new ValueOutOfRangeException("Item", "b", "200 does not fit a byte",
                null),
            DataIntegrityViolationException.class),
        Arguments.of(new CommitOutcomeUnknownException("postgresql",
                new ConnectionLostException("postgresql", "08006", "gone", driver)),
            DataAccessResourceFailureException.class),
        Arguments.of(new StaleRecordException("User", "id = 7"),
            OptimisticLockingFailureException.class),
        Arguments.of(new PoolTimeoutException("postgresql",
                Duration.ofMillis(300), driver),
            TransientDataAccessResourceException.class),
        Arguments.of(new ThrottledException("dynamodb", "slow down", driver),
            TransientDataAccessResourceException.class),
        Arguments.of(new TransactionRolledBackException("postgresql",
                new ConnectionLostException("postgresql", null, "closed", driver, true)),
            TransientDataAccessResourceException.class),
        Arguments.of(new InvalidFilterException("User", "age", "$.age.$gt", "not a number"),
            InvalidDataAccessApiUsageException.class),
        Arguments.of(new InvalidCursorException("User", "bad signature"),
            InvalidDataAccessApiUsageException.class),
        Arguments.of(new DriverException("postgresql", "42601", "syntax", driver),
            UncategorizedToastyException.class),
        Arguments.of(new DivisionByZeroException("h2", "Item", "x / 0", driver),
            DataIntegrityViolationException.class),
        Arguments.of(new ItemTooLargeException("dynamodb", "Item", 500_000, 409_600),
            DataIntegrityViolationException.class),
        Arguments.of(new CardinalityException("User", "posts", "id = 7", 3, 4),
            DataIntegrityViolationException.class),
        Arguments.of(InvalidStatementException.missing("User", "email", "is required"),
            InvalidDataAccessApiUsageException.class),
        Arguments.of(new DeferredNotLoadedException("User", "bio", "include it"),
            InvalidDataAccessApiUsageException.class),
        Arguments.of(new JsonFieldException("User", "settings", "unreadable", driver),
            UncategorizedToastyException.class),
        Arguments.of(new UnknownVariantException("User", "status", "gone",
                List.of("Active")),
            UncategorizedToastyException.class));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("translations")
  void translatesKeepingTheCause(ToastyException toasty, Class<?> expected) {
    DataAccessException spring = translator.translateExceptionIfPossible(toasty);
    assertThat(spring).isExactlyInstanceOf(expected).hasCause(toasty)
        .hasMessage(toasty.getMessage());
  }

  @Test
  void otherExceptionsAreNotTranslated() {
    assertThat(translator.translateExceptionIfPossible(new IllegalStateException("x"))).isNull();
    IllegalStateException other = new IllegalStateException("x");
    assertThat(DataAccessErrors.translate(other)).isSameAs(other);
  }

  @Test
  void theOperatorMapsErrorSignals() {
    RecordNotFoundException missing = new RecordNotFoundException("User", "id = 7");
    StepVerifier.create(Mono.<String>error(missing).transform(DataAccessErrors::mono))
        .expectErrorSatisfies(e -> assertThat(e)
            .isInstanceOf(EmptyResultDataAccessException.class).hasCause(missing))
        .verify();
  }
}
