package io.toasty.reactive.internal.change;

import io.toasty.Change;
import io.toasty.Executor;
import io.toasty.Feature;
import io.toasty.ModelDef;
import io.toasty.Tenant;
import io.toasty.driver.Capability;
import io.toasty.driver.Driver;
import io.toasty.error.InvalidModelException;
import io.toasty.error.TenantScopeException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.Schema;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.util.context.ContextView;

/**
 * Where a {@code Db}'s change streams start ({@code Db.changes}, {@code Db.changesAfter}): it
 * refuses a backend without change streams, a model that does not report its changes and a
 * tenant-scoped model outside {@code Tenant.none()}, each as the stream's error; then a stream
 * from now on shares one read per model with the others ({@link ChangeFanOut}), and one from a
 * resume token reads on its own ({@link ChangeReads}).
 */
public final class ChangeFollow {
  private final Driver driver;
  private final Schema schema;
  private final int changeBuffer;
  /** The live change streams, one read per model and batch of notices, fanned out. */
  private final ChangeFanOut fanOut = new ChangeFanOut();

  /**
   * Change streams of {@code schema}'s models from {@code driver}'s notices, with at most
   * {@code changeBuffer} changes waiting for a slow subscriber.
   */
  public ChangeFollow(Driver driver, Schema schema, int changeBuffer) {
    this.driver = driver;
    this.schema = schema;
    this.changeBuffer = changeBuffer;
  }

  /**
   * The changes of {@code model}'s records, read through {@code reader}: from now on when
   * {@code resumeToken} is null, else after the change it names.
   */
  public <M> Flux<Change<M>> follow(ModelDef<M> model, @Nullable String resumeToken,
      Executor reader) {
    return Flux.deferContextual(context -> {
      RuntimeException refusal = refusal(model, context);
      if (refusal != null) {
        return Flux.error(refusal);
      }
      return resumeToken == null
          ? fanOut.changes(model, () -> driver.changes(model.name(), null), reader, changeBuffer)
          : ChangeReads.of(after -> driver.changes(model.name(), after), resumeToken, reader,
              model, changeBuffer);
    });
  }

  /** Why the changes of {@code model} are not followed in {@code context}, or null. */
  private @Nullable RuntimeException refusal(ModelDef<?> model, ContextView context) {
    Capability capability = driver.capability();
    if (!capability.changeStreams()) {
      return new UnsupportedFeatureException(Feature.CHANGE_STREAMS, capability.backend(),
          "following the changes of " + model.name());
    }
    if (!schema.hasModel(model.name()) || !schema.model(model.name()).changes()) {
      return new InvalidModelException(model.name(), null, model.name()
          + " is not a model of this Db with @Model(changes = true): its changes are not"
          + " reported");
    }
    if (schema.model(model.name()).tenantField() != null
        && !Tenant.in(context).map(Tenant::isNone).orElse(false)) {
      return new TenantScopeException(TenantScopeException.Reason.CHANGES, model.name(), null,
          "the changes of a tenant-scoped model are followed only under Tenant.none(): their"
          + " notices carry every tenant's keys");
    }
    return null;
  }
}
