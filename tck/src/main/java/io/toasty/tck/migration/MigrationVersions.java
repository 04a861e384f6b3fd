package io.toasty.tck.migration;

import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The model versions {@code MigrationScenarios} migrates through, as schema definitions built
 * directly (what the processor would generate for each version of two records):
 *
 * <ol>
 *   <li>{@code Person(id, name, age)} and {@code Note(id, body)}</li>
 *   <li>adds {@code Optional<String> nick}</li>
 *   <li>renames it {@code nickname} ({@code @Column(renamedFrom = "nick")})</li>
 *   <li>retypes {@code age} from int to long</li>
 *   <li>indexes {@code name}</li>
 *   <li>makes {@code nickname} unique, {@code (nickname, age)} unique together, indexes
 *       {@code (name, age)} together</li>
 *   <li>adds {@code score} with {@code @Default("0")}, makes {@code name} optional</li>
 *   <li>drops the {@code Note} model (destructive: generated with the explicit flag)</li>
 *   <li>drops the {@code (name, age)} index and the {@code name} index</li>
 * </ol>
 */
public final class MigrationVersions {
  /** The person table. */
  public static final String PEOPLE = "mig_people";
  /** The note table, dropped at version 8. */
  public static final String NOTES = "mig_notes";
  /** How many versions there are. */
  public static final int COUNT = 9;

  private MigrationVersions() {}

  /** The schema of version {@code v} (1 to {@link #COUNT}). */
  public static Schema version(int v) {
    List<ModelSchema> models = new ArrayList<>();
    models.add(person(v));
    if (v < 8) {
      models.add(new ModelSchema("Note", "tck.Note", NOTES, List.of(
          field(0, "id", Type.Scalar.STRING, false, null, "id", null),
          field(1, "body", Type.Scalar.STRING, false, null, "body", null)),
          List.of(0), List.of()));
    }
    return Schema.of(models);
  }

  /** Whether version {@code v}'s migration needs the explicit destructive flag. */
  public static boolean destructive(int v) {
    return v == 8;
  }

  /** The description of version {@code v}'s migration. */
  public static String description(int v) {
    return switch (v) {
      case 1 -> "create people and notes";
      case 2 -> "add person nick";
      case 3 -> "rename nick to nickname";
      case 4 -> "retype person age";
      case 5 -> "index person name";
      case 6 -> "unique nickname, nickname age and name age index";
      case 7 -> "add score default and optional name";
      case 8 -> "drop notes";
      default -> "drop name indexes";
    };
  }

  private static ModelSchema person(int v) {
    List<FieldSchema> fields = new ArrayList<>();
    fields.add(field(0, "id", Type.Scalar.STRING, false, null, "id", null));
    fields.add(field(1, "name", Type.Scalar.STRING, v >= 7, null, "name", null));
    fields.add(field(2, "age", v >= 4 ? Type.Scalar.I64 : Type.Scalar.I32, false, null, "age",
        null));
    if (v == 2) {
      fields.add(field(3, "nick", Type.Scalar.STRING, true, null, "nick", null));
    } else if (v >= 3) {
      fields.add(field(3, "nickname", Type.Scalar.STRING, true, null, "nickname", "nick"));
    }
    if (v >= 7) {
      fields.add(field(4, "score", Type.Scalar.I32, false, new Value.I32(0), "score", null));
    }
    List<IndexSchema> indexes = new ArrayList<>();
    if (v >= 5 && v < 9) {
      indexes.add(new IndexSchema("mig_people_name_idx", List.of(1), false));
    }
    if (v >= 6) {
      indexes.add(new IndexSchema("mig_people_nickname_key", List.of(3), true));
    }
    if (v >= 6) {
      indexes.add(new IndexSchema("mig_people_nickname_age_key", List.of(3, 2), true));
    }
    if (v >= 6 && v < 9) {
      indexes.add(new IndexSchema("mig_people_name_age_idx", List.of(1, 2), false));
    }
    return new ModelSchema("Person", "tck.Person", PEOPLE, fields, List.of(0), indexes);
  }

  private static FieldSchema field(int index, String name, Type type, boolean nullable,
      Value defaultValue, String column, String renamedFrom) {
    return new FieldSchema(index, name, type, nullable, null, defaultValue, column, null, false,
        renamedFrom);
  }
}
