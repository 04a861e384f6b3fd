package io.toasty.spring;

import io.toasty.ConnectionLostException;
import io.toasty.DriverException;
import io.toasty.ForeignKeyViolationException;
import io.toasty.InvalidModelException;
import io.toasty.InvalidStatementException;
import io.toasty.NotNullViolationException;
import io.toasty.RecordNotFoundException;
import io.toasty.RelationNotLoadedException;
import io.toasty.SerializationFailureException;
import io.toasty.ToastyException;
import io.toasty.UniqueViolationException;
import io.toasty.UnsupportedFeatureException;
import java.util.Set;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Toasty's exceptions as Spring's {@link DataAccessException}s, the Toasty exception kept as the
 * cause:
 *
 * <table>
 *   <caption>translations</caption>
 *   <tr><th>Toasty</th><th>Spring</th></tr>
 *   <tr><td>UniqueViolationException</td><td>DuplicateKeyException</td></tr>
 *   <tr><td>ForeignKeyViolationException, NotNullViolationException,
 *       ValueOutOfRangeException, NumericOverflowException</td>
 *       <td>DataIntegrityViolationException</td></tr>
 *   <tr><td>RecordNotFoundException</td><td>EmptyResultDataAccessException</td></tr>
 *   <tr><td>StaleRecordException (a stale {@code @Version})</td>
 *       <td>OptimisticLockingFailureException</td></tr>
 *   <tr><td>SerializationFailureException: serialization failure, deadlock, a conflict</td>
 *       <td>PessimisticLockingFailureException</td></tr>
 *   <tr><td>SerializationFailureException: a lock wait that gave up (lock timeout,
 *       {@code NOWAIT}; {@code isLockWaitTimeout()})</td>
 *       <td>CannotAcquireLockException</td></tr>
 *   <tr><td>ConnectionLostException, PoolTimeoutException, ThrottledException</td>
 *       <td>TransientDataAccessResourceException</td></tr>
 *   <tr><td>CommitOutcomeUnknownException</td><td>DataAccessResourceFailureException</td></tr>
 *   <tr><td>QueryTimeoutException, or a DriverException of a statement timeout (SQLSTATE
 *       57014, 70100)</td><td>QueryTimeoutException</td></tr>
 *   <tr><td>InvalidStatementException, InvalidModelException, UnsupportedFeatureException,
 *       RelationNotLoadedException, InvalidFilterException, InvalidCursorException</td>
 *       <td>InvalidDataAccessApiUsageException</td></tr>
 *   <tr><td>any other ToastyException</td><td>{@link UncategorizedToastyException}</td></tr>
 * </table>
 *
 * <p>Other exceptions are not Toasty's: {@link #translateExceptionIfPossible} returns null. The
 * starter registers this translator as a bean; for reactive code, where nothing is thrown
 * through a proxy, map the signals with {@link DataAccessErrors}.
 */
public final class ToastyExceptionTranslator implements PersistenceExceptionTranslator {
  /** PostgreSQL's query_canceled (statement_timeout), MariaDB's max_statement_time. */
  private static final Set<String> TIMEOUTS = Set.of("57014", "70100");

  @Override
  public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
    return ex instanceof ToastyException t ? translate(t) : null;
  }

  /** The Spring exception for {@code ex}; never null. */
  public DataAccessException translate(ToastyException ex) {
    String message = ex.getMessage();
    if (ex instanceof UniqueViolationException) {
      return new DuplicateKeyException(message, ex);
    }
    if (ex instanceof ForeignKeyViolationException || ex instanceof NotNullViolationException
        || ex instanceof io.toasty.ValueOutOfRangeException
        || ex instanceof io.toasty.NumericOverflowException) {
      return new DataIntegrityViolationException(message, ex);
    }
    if (ex instanceof io.toasty.StaleRecordException) {
      return new org.springframework.dao.OptimisticLockingFailureException(message, ex);
    }
    if (ex instanceof RecordNotFoundException) {
      return new EmptyResultDataAccessException(message, 1, ex);
    }
    if (ex instanceof SerializationFailureException s) {
      return s.isLockWaitTimeout() ? new CannotAcquireLockException(message, ex)
          : new PessimisticLockingFailureException(message, ex);
    }
    if (ex instanceof io.toasty.CommitOutcomeUnknownException) {
      return new org.springframework.dao.DataAccessResourceFailureException(message, ex);
    }
    if (ex instanceof ConnectionLostException) {
      return new TransientDataAccessResourceException(message, ex);
    }
    if (ex instanceof io.toasty.QueryTimeoutException
        || ex instanceof DriverException d && d.sqlState() != null
            && TIMEOUTS.contains(d.sqlState())) { // Set.of(..).contains(null) throws
      return new QueryTimeoutException(message, ex);
    }
    if (ex instanceof io.toasty.PoolTimeoutException || ex instanceof io.toasty.ThrottledException) {
      return new TransientDataAccessResourceException(message, ex);
    }
    if (ex instanceof io.toasty.InvalidFilterException
        || ex instanceof io.toasty.InvalidCursorException
        || ex instanceof InvalidStatementException || ex instanceof InvalidModelException
        || ex instanceof UnsupportedFeatureException || ex instanceof RelationNotLoadedException) {
      return new InvalidDataAccessApiUsageException(message, ex);
    }
    return new UncategorizedToastyException(message, ex);
  }
}
