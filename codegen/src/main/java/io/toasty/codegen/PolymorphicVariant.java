package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * One variant of a polymorphic model: a record its sealed interface permits.
 *
 * @param type         the record's class
 * @param entry        the variant's entry class ({@code Clicks}), whose queries see its rows only
 * @param discriminant its discriminator as written in Java source: a string's text or a number's
 *                     digits
 * @param fields       its record components, in order, as the hierarchy's fields (their indexes
 *                     are the hierarchy's)
 */
record PolymorphicVariant(ClassName type, ClassName entry, String discriminant,
    List<FieldDescriptor> fields) {
  PolymorphicVariant {
    fields = List.copyOf(fields);
  }

  /** The variant's name: the record's simple name. */
  String name() {
    return type.simpleName();
  }

  /** {@code ClickQuery}. */
  ClassName queryClass() {
    return entry.peerClass(name() + "Query");
  }

  /** {@code ClickCreate}. */
  ClassName createClass() {
    return entry.peerClass(name() + "Create");
  }

  /** {@code ClickUpdate}. */
  ClassName updateClass() {
    return entry.peerClass(name() + "Update");
  }
}
