package io.toasty.sql.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.sql.dialect.PostgresDialect;
import io.toasty.value.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Push's change triggers: for the models with {@code changes}, where the backend has them. */
class ChangeTriggerPushTest {
  private static final ModelSchema WATCHED = new ModelSchema("Watched", "t.Watched", "watched",
      List.of(field(0, "code"), field(1, "label")), List.of(0), List.of()).withChanges();
  private static final ModelSchema PLAIN = new ModelSchema("Plain", "t.Plain", "plain",
      List.of(field(0, "code")), List.of(0), List.of());
  private static final Schema SCHEMA = Schema.of(List.of(WATCHED, PLAIN));

  private static FieldSchema field(int index, String name) {
    return new FieldSchema(index, name, Type.Scalar.STRING, false, null, null, name + "_col");
  }

  @Test
  void postgresqlGetsTheLogAndFunctionsOnceAndATriggerPerWatchedTable() {
    List<String> ddl = new SchemaDdl(PostgresDialect.INSTANCE, SCHEMA).create();
    List<String> triggers = ddl.stream().filter(s -> s.contains("CONSTRAINT TRIGGER")).toList();
    assertEquals(List.of("DO $toasty$ BEGIN\n"
        + "  DROP TRIGGER IF EXISTS toasty_changes ON \"watched\";\n"
        + "  CREATE CONSTRAINT TRIGGER toasty_changes AFTER INSERT OR UPDATE OR DELETE ON "
        + "\"watched\" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "
        + "toasty_notify_change('code_col');\nEND $toasty$"), triggers);
    assertEquals(3, ddl.stream().filter(s -> s.startsWith("CREATE OR REPLACE FUNCTION")).count());
    assertEquals(1, ddl.stream().filter(s -> s.contains("CREATE TABLE IF NOT EXISTS "
        + "toasty_change_log")).count(), "the change log, once");
    assertTrue(ddl.indexOf(triggers.get(0)) > ddl.indexOf(ddl.stream()
        .filter(s -> s.startsWith("CREATE TABLE IF NOT EXISTS \"watched\"")).findFirst()
        .orElseThrow()), "the trigger after its table");
  }

  @Test
  void aBackendWithoutChangeStreamsGetsNone() {
    List<String> ddl = new SchemaDdl(H2Dialect.INSTANCE, SCHEMA).create();
    assertFalse(ddl.stream().anyMatch(s -> s.contains("toasty_")));
  }
}
