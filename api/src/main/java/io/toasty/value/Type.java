package io.toasty.value;

import java.util.List;
import java.util.Objects;

/**
 * The type a value or an expression evaluates to, as the engine sees it at run time.
 *
 * <p>Scalars are the constants of {@link Scalar}; {@link Record}, {@link ListOf}, {@link Model} and
 * {@link Enum} compose them. A statement on a model evaluates to {@code ListOf(Model(id))} until
 * lowering turns the model into a {@code Record} of its column types.
 */
public sealed interface Type
    permits Type.Scalar, Type.Record, Type.ListOf, Type.Model, Type.Enum, Type.CollectionOf {

  /** Scalar types: one per {@link Value} variant that holds a single Java value. */
  enum Scalar implements Type {
    NULL, BOOL, I8, I16, I32, I64, F32, F64, STRING, BYTES, UUID, DECIMAL,
    INSTANT, LOCAL_DATE, LOCAL_TIME, LOCAL_DATE_TIME, OFFSET_DATE_TIME,
    /** A JSON document ({@code @Json} fields), as {@code Value.Json}. */
    JSON;

    /** Whether values of this type are integers of some width. */
    public boolean isInteger() {
      return this == I8 || this == I16 || this == I32 || this == I64;
    }

    /** Whether values of this type are numbers. */
    public boolean isNumeric() {
      return isInteger() || this == F32 || this == F64 || this == DECIMAL;
    }
  }

  /** A tuple of values, each with its own type. */
  record Record(List<Type> fields) implements Type {
    public Record {
      fields = List.copyOf(fields);
    }
  }

  /** A list whose items all have one type. */
  record ListOf(Type item) implements Type {
    public ListOf {
      Objects.requireNonNull(item, "item");
    }
  }

  /** A model's record, before lowering. */
  record Model(String model) implements Type {
    public Model {
      Objects.requireNonNull(model, "model");
    }
  }

  /**
   * A Java enum stored by the name of its constant.
   *
   * @param javaClass the enum's binary name, for messages
   * @param constants the constants' names, in declaration order
   */
  record Enum(String javaClass, List<String> constants) implements Type {
    public Enum {
      Objects.requireNonNull(javaClass, "javaClass");
      constants = List.copyOf(constants);
    }
  }

  /**
   * A collection field's type: a {@code List}, {@code Set} or {@code Map<String, T>} of one scalar
   * type, stored as one column (an array, a JSON document or a DynamoDB list, set or map).
   *
   * @param shape what kind of collection
   * @param item  the items' (or the map's values') type
   */
  record CollectionOf(Shape shape, Scalar item) implements Type {
    public CollectionOf {
      Objects.requireNonNull(shape, "shape");
      Objects.requireNonNull(item, "item");
    }

    /** The kinds of collection. */
    public enum Shape {
      /** Ordered items, duplicates kept. */
      LIST,
      /** Distinct items; their order is not kept. */
      SET,
      /** Values by string keys. */
      MAP
    }
  }
}
