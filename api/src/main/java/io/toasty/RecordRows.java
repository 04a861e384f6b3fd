package io.toasty;

import io.toasty.error.InvalidStatementException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/**
 * Raw rows mapped by column name ({@link RawQuery#as(Class)} and its tuples): a record's
 * components, or a tuple's columns, each read from the column of its name.
 */
final class RecordRows {
  private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class,
      byte.class, Byte.class, short.class, Short.class, int.class, Integer.class,
      long.class, Long.class, float.class, Float.class, double.class, Double.class);

  private RecordRows() {}

  /**
   * What builds a record of {@code type} from a row.
   *
   * @throws InvalidStatementException when {@code type} is not a record
   */
  static <R extends Record> Function<Row, R> of(Class<R> type) {
    Objects.requireNonNull(type, "type");
    RecordComponent[] components = type.getRecordComponents();
    if (components == null) {
      throw new InvalidStatementException(null, null, type.getName() + " is not a record");
    }
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    Constructor<R> constructor;
    try {
      constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new InvalidStatementException(null, null, "cannot build " + type.getName() + ": "
          + e.getMessage());
    }
    return row -> build(constructor, components, row);
  }

  private static <R> R build(Constructor<R> constructor, RecordComponent[] components, Row row) {
    Object[] args = new Object[components.length];
    for (int i = 0; i < args.length; i++) {
      Class<?> type = components[i].getType();
      Object value = read(row, components[i].getName(), BOXES.getOrDefault(type, type));
      if (value == null && type.isPrimitive()) {
        throw new InvalidStatementException(null, null, "column " + components[i].getName()
            + " is NULL, which the " + type + " component of "
            + constructor.getDeclaringClass().getSimpleName() + " cannot hold");
      }
      args[i] = value;
    }
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new InvalidStatementException(null, null, constructor.getDeclaringClass()
          .getSimpleName() + " refused a row: " + e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new InvalidStatementException(null, null, "cannot build "
          + constructor.getDeclaringClass().getName() + ": " + e.getMessage());
    }
  }

  /** A pair or triple of the columns {@code names}, read as {@code types}. */
  @SuppressWarnings("unchecked")
  static <T extends Tuple2<?, ?>> T tuple(Row row, List<String> names, List<Class<?>> types) {
    Object[] values = new Object[names.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = read(row, names.get(i), types.get(i));
      if (values[i] == null) {
        throw new InvalidStatementException(null, null, "column " + names.get(i)
            + " is NULL, which a tuple cannot hold: map the rows to a record instead");
      }
    }
    return (T) Tuples.fromArray(values);
  }

  /** The column named {@code name} (ignoring case and underscores) as {@code type}. */
  private static @Nullable Object read(Row row, String name, Class<?> type) {
    String wanted = plain(name);
    List<String> columns = row.columns();
    for (int i = 0; i < columns.size(); i++) {
      if (plain(columns.get(i)).equals(wanted)) {
        try {
          return row.get(i, type);
        } catch (IllegalArgumentException e) {
          throw new InvalidStatementException(null, null, String.valueOf(e.getMessage()));
        }
      }
    }
    throw new InvalidStatementException(null, null, "no column " + name + " in the row's "
        + columns);
  }

  private static String plain(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }
}
