package io.toasty.sql.error;

import io.toasty.error.ValueOutOfRangeException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.sql.ddl.DdlNames;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A database's range refusal of a value it computed (an update's arithmetic) as a
 * {@link ValueOutOfRangeException} naming the field, where the statement lets us know it: the
 * violated range CHECK that schema push added ({@code <table>_<column>_range}), a column the
 * message quotes (MariaDB's {@code Out of range value for column 'b'}, H2's
 * {@code in column "B"}), or the one column the update computes.
 */
final class RangeErrors {
  private RangeErrors() {}

  /**
   * The typed error, or null when the message names no range check and it is no overflow, or
   * the field cannot be told.
   *
   * @param overflow whether the database reported a numeric overflow (SQLSTATE 22003)
   * @param computed the columns the statement computes from their own values
   */
  static @Nullable ValueOutOfRangeException of(Schema schema, TableSchema table, String message,
      boolean overflow, List<Integer> computed, Throwable cause) {
    ModelSchema model = modelOf(schema, table);
    if (model == null) {
      return null;
    }
    String lower = message.toLowerCase(Locale.ROOT);
    int column = -1;
    for (int i = 0; i < table.columns().size() && column < 0; i++) {
      String check = DdlNames.rangeCheckName(table.name(), table.column(i).name());
      if (lower.contains(check.toLowerCase(Locale.ROOT))) {
        column = i;
      }
    }
    // MariaDB reports "Out of range value for column 'b'" without SQLSTATE 22003.
    overflow = overflow || lower.contains("out of range");
    if (column < 0 && !overflow) {
      return null;
    }
    for (int i = 0; i < table.columns().size() && column < 0; i++) {
      if (namedColumn(table.column(i).name()).matcher(message).find()) {
        column = i;
      }
    }
    if (column < 0 && computed.size() == 1) {
      column = computed.get(0);
    }
    String field = column < 0 ? null : fieldOf(schema, model, column);
    if (field == null) {
      return null;
    }
    return new ValueOutOfRangeException(model.name(), field, "the value the database computed"
        + " is outside the field's range; nothing was written (" + message + ")", cause);
  }

  /**
   * {@code column 'name'} (or double or back quotes), in any case; a bare quoted name is not
   * enough, as H2's messages quote the whole statement.
   */
  private static Pattern namedColumn(String name) {
    return Pattern.compile("column\\s+['\"`]" + Pattern.quote(name) + "['\"`]",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static @Nullable ModelSchema modelOf(Schema schema, TableSchema table) {
    for (ModelSchema model : schema.models()) {
      if (schema.mapping(model.name()).table().equals(table.name())) {
        return model;
      }
    }
    return null;
  }

  private static @Nullable String fieldOf(Schema schema, ModelSchema model, int column) {
    ModelMapping mapping = schema.mapping(model.name());
    for (int f = 0; f < model.fields().size(); f++) {
      if (mapping.columnOf(f) == column) {
        return model.field(f).name();
      }
    }
    return null;
  }
}
