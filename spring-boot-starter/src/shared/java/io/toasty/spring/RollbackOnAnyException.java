package io.toasty.spring;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodClassKey;
import org.springframework.transaction.interceptor.DelegatingTransactionAttribute;
import org.springframework.transaction.interceptor.RollbackRuleAttribute;
import org.springframework.transaction.interceptor.RuleBasedTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;

/**
 * A {@code TransactionAttributeSource} whose attributes roll back on every exception, checked
 * ones included, when the method's transaction manager is one of Toasty's ({@code toasty}: an
 * {@code R2dbcTransactionManager} on the {@code Db}'s pool); for any other manager (JPA's, a
 * second database's) they keep Spring's rule, as the application configured it.
 *
 * <p>Why: Spring commits on a checked exception, and a WebFlux request body fails with one when
 * the client resets the connection ({@code IOException}: "Connection reset by peer"), so a
 * {@code @Transactional} import that streamed its body committed the rows read before the reset
 * (the example's {@code BlogHttpContract.aResetMidImportLeavesNothing}). A rule the method
 * declares still wins where it is nearer to the exception's class: {@code noRollbackFor =
 * IOException.class} commits on an {@code IOException}, as Spring's nearest-rule order says.
 */
final class RollbackOnAnyException implements TransactionAttributeSource {
  private final TransactionAttributeSource delegate;
  private final BiPredicate<TransactionAttribute, Class<?>> toasty;
  /** The attributes handed out, one per method and target class, as Spring's source caches. */
  private final Map<MethodClassKey, Rule> rules = new ConcurrentHashMap<>();

  /**
   * @param toasty whether a method's attribute, on its target class, runs its transactions
   *     with a manager of the {@code Db}'s pool
   */
  RollbackOnAnyException(TransactionAttributeSource delegate,
      BiPredicate<TransactionAttribute, Class<?>> toasty) {
    this.delegate = delegate;
    this.toasty = toasty;
  }

  @Override
  public boolean isCandidateClass(Class<?> targetClass) {
    return delegate.isCandidateClass(targetClass);
  }

  @Override
  public boolean hasTransactionAttribute(Method method, @Nullable Class<?> targetClass) {
    return delegate.hasTransactionAttribute(method, targetClass);
  }

  @Override
  public @Nullable TransactionAttribute getTransactionAttribute(Method method,
      @Nullable Class<?> targetClass) {
    TransactionAttribute attribute = delegate.getTransactionAttribute(method, targetClass);
    if (attribute == null) {
      return null;
    }
    MethodClassKey key = new MethodClassKey(method, targetClass);
    Rule known = rules.get(key);
    if (known != null && known.target == attribute) {
      return known;
    }
    Rule rule = new Rule(attribute, () -> toasty.test(attribute, targetClass));
    rules.put(key, rule);
    return rule;
  }

  /** One method's attribute, whose manager is looked up on its first exception. */
  private static final class Rule extends DelegatingTransactionAttribute {
    private final transient TransactionAttribute target;
    private final transient BooleanSupplier toastys;
    /** The method's own rules, then rollback on any Throwable; null when it has none. */
    private final transient @Nullable RuleBasedTransactionAttribute anyException;
    private transient volatile @Nullable Boolean known;

    Rule(TransactionAttribute target, BooleanSupplier toastys) {
      super(target);
      this.target = target;
      this.toastys = toastys;
      if (target instanceof RuleBasedTransactionAttribute rules) {
        anyException = new RuleBasedTransactionAttribute(rules);
        anyException.getRollbackRules().add(new RollbackRuleAttribute(Throwable.class));
      } else {
        anyException = null;
      }
    }

    @Override
    public boolean rollbackOn(Throwable ex) {
      Boolean mine = known;
      if (mine == null) {
        mine = toastys.getAsBoolean();
        known = mine;
      }
      if (!mine) {
        return super.rollbackOn(ex);
      }
      return anyException == null || anyException.rollbackOn(ex);
    }
  }
}
