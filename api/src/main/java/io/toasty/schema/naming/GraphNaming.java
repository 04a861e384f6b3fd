package io.toasty.schema.naming;

import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;

/**
 * {@link NamingStrategy#graph()}: labels after the record's name, properties in camel case. The
 * property is written from the derived snake-case column ({@code click_count},
 * {@code address_street}), so an embedded or sealed record's columns, whose derived names join
 * their path with underscores, read as one camel-case name too.
 */
enum GraphNaming implements NamingStrategy {
  INSTANCE;

  @Override
  public String table(ModelSchema model) {
    return model.name();
  }

  @Override
  public String column(ModelSchema model, FieldSchema field) {
    return camelCase(field.columnName());
  }

  /** {@code snake_case} as {@code snakeCase}; a name without underscores as it is. */
  static String camelCase(String snake) {
    StringBuilder out = new StringBuilder(snake.length());
    boolean upper = false;
    for (int i = 0; i < snake.length(); i++) {
      char c = snake.charAt(i);
      if (c == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.length() == 0 ? snake : out.toString();
  }

  @Override
  public String toString() {
    return "NamingStrategy.graph()";
  }
}
