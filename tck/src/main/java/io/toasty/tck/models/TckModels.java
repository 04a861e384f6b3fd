package io.toasty.tck.models;

import io.toasty.ModelDef;
import java.util.List;

/** Every model of the TCK, registered together when a scenario names none. */
public final class TckModels {
  private TckModels() {}

  /** The models, in registration order. */
  public static List<ModelDef<?>> all() {
    return List.of(KeyOnlies.MODEL, Serials.MODEL, Users.MODEL, AllTypesRows.MODEL,
        NullableTypesRows.MODEL, TenantItems.MODEL, Docs.MODEL, Tokens.MODEL, Accounts.MODEL,
        ReservedWordsRows.MODEL, Settings.MODEL);
  }
}
