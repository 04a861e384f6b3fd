package io.toasty.migrate.diff;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One difference between the models' schema and the live database, as plain data: a drift check
 * ({@code Migrator.drift}) returns them, a CLI prints {@link #describe()}.
 */
public sealed interface Drift {

  /** The table the difference is in. */
  String table();

  /** One line for people: {@code users.age: type BIGINT expected, INTEGER in the database}. */
  String describe();

  /** A model's table the database does not have. */
  record MissingTable(String table) implements Drift {
    @Override public String describe() { return "table " + table + " is missing"; }
  }

  /** A table in the database that no model has (Toasty's own tables aside). */
  record ExtraTable(String table) implements Drift {
    @Override public String describe() { return "table " + table + " is not in the models"; }
  }

  /** A model's column the live table does not have. */
  record MissingColumn(String table, String column, String type) implements Drift {
    @Override public String describe() {
      return table + "." + column + " is missing (" + type + " expected)";
    }
  }

  /** A live column that the model does not have. */
  record ExtraColumn(String table, String column, String type) implements Drift {
    @Override public String describe() {
      return table + "." + column + " (" + type + ") is not in the model";
    }
  }

  /** A column whose live type is not the one the dialect writes for the model's type. */
  record TypeDiffers(String table, String column, String expected, String live)
      implements Drift {
    @Override public String describe() {
      return table + "." + column + ": type " + expected + " expected, " + live
          + " in the database";
    }
  }

  /** A column whose live nullability differs from the model's. */
  record NullabilityDiffers(String table, String column, boolean expected, boolean live)
      implements Drift {
    @Override public String describe() {
      return table + "." + column + ": " + nullability(expected) + " expected, "
          + nullability(live) + " in the database";
    }

    private static String nullability(boolean nullable) {
      return nullable ? "NULL" : "NOT NULL";
    }
  }

  /**
   * A column whose live default differs from the model's {@code @Default}: {@code expected} as
   * people read it ({@code 0}, {@code 'draft'}, {@code TRUE}, or {@code no default}),
   * {@code live} as the catalog writes it ({@code null}: none).
   */
  record DefaultDiffers(String table, String column, String expected, @Nullable String live)
      implements Drift {
    @Override public String describe() {
      return table + "." + column + ": default " + expected + " expected, "
          + (live == null ? "none" : live) + " in the database";
    }
  }

  /** A model's index the live table does not have. */
  record MissingIndex(String table, String index, List<String> columns, boolean unique)
      implements Drift {
    public MissingIndex {
      columns = List.copyOf(columns);
    }

    @Override public String describe() {
      return (unique ? "unique index " : "index ") + index + " " + columns + " on " + table
          + " is missing";
    }
  }

  /** A live index the model does not declare. */
  record ExtraIndex(String table, String index, List<String> columns, boolean unique)
      implements Drift {
    public ExtraIndex {
      columns = List.copyOf(columns);
    }

    @Override public String describe() {
      return (unique ? "unique index " : "index ") + index + " " + columns + " on " + table
          + " is not in the model";
    }
  }

  /** An index of the model's name whose live columns or uniqueness differ. */
  record IndexDiffers(String table, String index, List<String> expectedColumns,
      boolean expectedUnique, List<String> liveColumns, boolean liveUnique) implements Drift {
    public IndexDiffers {
      expectedColumns = List.copyOf(expectedColumns);
      liveColumns = List.copyOf(liveColumns);
    }

    @Override public String describe() {
      return "index " + index + " on " + table + ": " + shape(expectedColumns, expectedUnique)
          + " expected, " + shape(liveColumns, liveUnique) + " in the database";
    }

    private static String shape(List<String> columns, boolean unique) {
      return (unique ? "unique " : "") + columns;
    }
  }
}
