package io.toasty.spring;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The unique bean an {@link ObjectProvider} finds, looked up on the first ask and kept.
 *
 * <p>Why: the web filters take their bean lazily (an application without it still starts), and
 * they are asked on every request. A lookup through the bean factory per request was about 6 % of
 * a WebFlux service's CPU on TechEmpower's single query (docs/design/performance.md, "A web
 * filter's bean, looked up once"). Singletons do not change once the context is refreshed, and
 * no request comes before that; two first requests at once may both look it up, harmlessly.
 */
final class ResolvedOnce<T> {
  private final ObjectProvider<T> provider;
  /** Null until the first ask; empty where the context has no unique bean of the type. */
  private volatile @Nullable Optional<T> found;

  ResolvedOnce(ObjectProvider<T> provider) {
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  /** The bean, or null where there is none or more than one. */
  @Nullable T get() {
    Optional<T> known = found;
    if (known == null) {
      known = Optional.ofNullable(provider.getIfUnique());
      found = known;
    }
    return known.orElse(null);
  }
}
