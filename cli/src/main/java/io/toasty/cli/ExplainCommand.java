package io.toasty.cli;

import io.toasty.ModelDef;
import io.toasty.Select;
import io.toasty.error.InvalidFilterException;
import io.toasty.filter.DynamicQuery;
import io.toasty.filter.FilterParser;
import io.toasty.filter.FilterSpec;
import io.toasty.schema.app.FieldSchema;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code toasty explain --model User --query '{"filter": {"age": {"$gte": 18}}, "sort": "-age"}'}:
 * the plan of a query on a model, the query in the JSON filter language of the {@code filter}
 * module (as a search endpoint reads it), planned for the backend of {@code --url}. Nothing is
 * sent to the database.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Show how a query on a model is planned for the database at --url.")
final class ExplainCommand implements Callable<Integer> {
  @Mixin ModelOptions models;
  @Mixin DatabaseOptions database;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
      description = "The model: its name (User), its table (users) or its class.")
  String model;

  @Option(names = {"-q", "--query"}, paramLabel = "JSON", defaultValue = "{}",
      description = "The query document: {\"filter\": {..}, \"sort\": \"-age,name\", "
          + "\"limit\": 20, \"offset\": 40}, every member optional (default: all records).")
  String query;

  @Override
  public Integer call() {
    List<ModelDef<?>> all = models.models();
    ModelDef<?> def = find(all);
    DynamicQuery parsed;
    try {
      parsed = FilterParser.of(allowAll(def)).query(query);
    } catch (InvalidFilterException e) {
      throw new ExitCodes.UsageException(String.valueOf(e.getMessage()));
    }
    Console console = new Console(spec);
    return Session.with(database.url(), all, models.naming(), models.loader(), db -> {
      console.result(db.explain(plan(def, parsed).untyped()));
      return ExitCodes.OK;
    });
  }

  private static <M> Select<M> plan(ModelDef<M> def, DynamicQuery query) {
    return query.applyTo(Select.from(def));
  }

  private ModelDef<?> find(List<ModelDef<?>> all) {
    return all.stream().filter(m -> matches(m, model)).findFirst()
        .orElseThrow(() -> new ExitCodes.UsageException("no model '" + model + "'; the models: "
            + all.stream().map(ModelDef::name).toList()));
  }

  private static boolean matches(ModelDef<?> m, String name) {
    return m.name().equals(name) || m.schema().tableName().equals(name)
        || m.type().getName().equals(name)
        || m.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
  }

  /** Every data field filterable and sortable: the person at the terminal owns the database. */
  private static FilterSpec allowAll(ModelDef<?> def) {
    FilterSpec spec = FilterSpec.of(def);
    for (FieldSchema f : def.schema().fields()) {
      try {
        spec = spec.allow(f.name());
      } catch (IllegalArgumentException relationOrEmbedded) {
        // not a data field: relations are left out of the CLI's filters
      }
    }
    return spec;
  }
}
