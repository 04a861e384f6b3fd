package io.toasty.spring;

import io.toasty.error.ToastyException;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Maps the error signals of Toasty's {@code Mono}s and {@code Flux}es to Spring's
 * {@code DataAccessException}s ({@link ToastyExceptionTranslator}); other errors pass unchanged.
 *
 * <pre>{@code
 * Mono<User> user = Users.getById(db, id).transform(DataAccessErrors::mono);
 * Flux<User> users = Users.all().stream(db).transform(DataAccessErrors::flux);
 * Mono<User> same  = Users.getById(db, id).onErrorMap(DataAccessErrors::translate);
 * }</pre>
 */
public final class DataAccessErrors {
  private static final ToastyExceptionTranslator TRANSLATOR = new ToastyExceptionTranslator();

  private DataAccessErrors() {}

  /** {@code error} as a {@code DataAccessException} if it is Toasty's, else itself. */
  public static Throwable translate(Throwable error) {
    return error instanceof ToastyException t ? TRANSLATOR.translate(t) : error;
  }

  /** {@code source} with its Toasty error translated. */
  public static <T> Mono<T> mono(Publisher<T> source) {
    return Mono.from(source).onErrorMap(DataAccessErrors::translate);
  }

  /** {@code source} with its Toasty error translated. */
  public static <T> Flux<T> flux(Publisher<T> source) {
    return Flux.from(source).onErrorMap(DataAccessErrors::translate);
  }

  /** The translation as a function, for {@code onErrorMap}. */
  public static Function<Throwable, Throwable> translator() {
    return DataAccessErrors::translate;
  }
}
