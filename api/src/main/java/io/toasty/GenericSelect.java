package io.toasty;

import io.toasty.generated.AbstractSelect;
import io.toasty.stmt.Query;

/** The query type for a model seen through {@link ModelDef} alone. */
final class GenericSelect<M> extends AbstractSelect<M, GenericSelect<M>> {

  GenericSelect(ModelDef<M> model, Query query) {
    super(model, query);
  }

  @Override
  protected GenericSelect<M> with(Query query) {
    return new GenericSelect<>(model(), query);
  }
}
