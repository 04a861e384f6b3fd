package io.toasty.spring;

import io.toasty.error.CommitOutcomeUnknownException;
import io.toasty.error.ErrorCategory;
import io.toasty.error.InvalidCursorException;
import io.toasty.error.InvalidFilterException;
import io.toasty.error.InvalidModelException;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.NotLoadedException;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.StaleRecordException;
import io.toasty.error.ToastyException;
import io.toasty.error.UniqueViolationException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
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
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Toasty's exceptions as Spring's {@link DataAccessException}s, the Toasty exception kept as the
 * cause, by each exception's {@link ErrorCategory} ({@code ToastyException.category()}) and, within
 * a category, its class:
 *
 * <table>
 *   <caption>translations</caption>
 *   <tr><th>category</th><th>Toasty</th><th>Spring</th></tr>
 *   <tr><td>CONFLICT</td><td>UniqueViolationException</td><td>DuplicateKeyException</td></tr>
 *   <tr><td>CONFLICT</td><td>StaleRecordException (a stale {@code @Version})</td>
 *       <td>OptimisticLockingFailureException</td></tr>
 *   <tr><td>CONFLICT</td><td>SerializationFailureException: serialization failure, deadlock, a
 *       conflict</td><td>PessimisticLockingFailureException</td></tr>
 *   <tr><td>CONFLICT</td><td>SerializationFailureException: a lock wait that gave up (lock
 *       timeout, {@code NOWAIT}; {@code isLockWaitTimeout()})</td>
 *       <td>CannotAcquireLockException</td></tr>
 *   <tr><td>CONFLICT</td><td>ForeignKeyViolationException, CardinalityException, others</td>
 *       <td>DataIntegrityViolationException</td></tr>
 *   <tr><td>INVALID_INPUT</td><td>InvalidStatementException, InvalidFilterException,
 *       InvalidCursorException (refused before anything was sent)</td>
 *       <td>InvalidDataAccessApiUsageException</td></tr>
 *   <tr><td>INVALID_INPUT</td><td>NotNullViolationException, ValueOutOfRangeException,
 *       NumericOverflowException, DivisionByZeroException, ItemTooLargeException, others</td>
 *       <td>DataIntegrityViolationException</td></tr>
 *   <tr><td>NOT_FOUND</td><td>RecordNotFoundException</td>
 *       <td>EmptyResultDataAccessException</td></tr>
 *   <tr><td>UNAVAILABLE</td><td>ConnectionLostException, PoolTimeoutException,
 *       ThrottledException, TransactionRolledBackException</td><td>TransientDataAccessResourceException</td></tr>
 *   <tr><td>TIMEOUT</td><td>QueryTimeoutException, or a DriverException of a statement timeout
 *       (SQLSTATE 57014, 70100)</td><td>QueryTimeoutException</td></tr>
 *   <tr><td>UNSUPPORTED</td><td>UnsupportedFeatureException</td>
 *       <td>InvalidDataAccessApiUsageException</td></tr>
 *   <tr><td>INTERNAL</td><td>CommitOutcomeUnknownException</td>
 *       <td>DataAccessResourceFailureException</td></tr>
 *   <tr><td>INTERNAL</td><td>InvalidModelException, RelationNotLoadedException,
 *       DeferredNotLoadedException</td><td>InvalidDataAccessApiUsageException</td></tr>
 *   <tr><td>INTERNAL</td><td>any other</td><td>{@link UncategorizedToastyException}</td></tr>
 * </table>
 *
 * <p>Other exceptions are not Toasty's: {@link #translateExceptionIfPossible} returns null. The
 * starter registers this translator as a bean; for reactive code, where nothing is thrown
 * through a proxy, map the signals with {@link DataAccessErrors}.
 */
public final class ToastyExceptionTranslator implements PersistenceExceptionTranslator {

  @Override
  public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
    return ex instanceof ToastyException t ? translate(t) : null;
  }

  /** The Spring exception for {@code ex}; never null. */
  public DataAccessException translate(ToastyException ex) {
    // composed by ToastyException from its model, field and text: never null
    String message = Objects.requireNonNull(ex.getMessage(), "a ToastyException's message");
    return switch (ex.category()) {
      case CONFLICT -> conflict(ex, message);
      case INVALID_INPUT -> ex instanceof InvalidStatementException
          || ex instanceof InvalidFilterException || ex instanceof InvalidCursorException
          ? new InvalidDataAccessApiUsageException(message, ex)
          : new DataIntegrityViolationException(message, ex);
      case NOT_FOUND -> new EmptyResultDataAccessException(message, 1, ex);
      case UNAVAILABLE -> new TransientDataAccessResourceException(message, ex);
      case TIMEOUT -> new QueryTimeoutException(message, ex);
      case UNSUPPORTED -> new InvalidDataAccessApiUsageException(message, ex);
      case INTERNAL -> internal(ex, message);
    };
  }

  private static DataAccessException conflict(ToastyException ex, String message) {
    if (ex instanceof UniqueViolationException) {
      return new DuplicateKeyException(message, ex);
    }
    if (ex instanceof StaleRecordException) {
      return new OptimisticLockingFailureException(message, ex);
    }
    if (ex instanceof SerializationFailureException s) {
      return s.isLockWaitTimeout() ? new CannotAcquireLockException(message, ex)
          : new PessimisticLockingFailureException(message, ex);
    }
    return new DataIntegrityViolationException(message, ex);
  }

  private static DataAccessException internal(ToastyException ex, String message) {
    if (ex instanceof CommitOutcomeUnknownException) {
      return new DataAccessResourceFailureException(message, ex);
    }
    if (ex instanceof InvalidModelException || ex instanceof NotLoadedException) {
      return new InvalidDataAccessApiUsageException(message, ex);
    }
    return new UncategorizedToastyException(message, ex);
  }
}
