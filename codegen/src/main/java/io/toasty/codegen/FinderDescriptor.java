package io.toasty.codegen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of fields the entry class has finders for: the primary key, a unique field or an indexed
 * one. Every finder gets {@code filterBy..}; unique ones also {@code getBy..}, {@code updateBy..}
 * and {@code deleteBy..}.
 *
 * @param fields  the fields, in key order (an embedded key record's leaves among them)
 * @param unique  whether the fields identify at most one record
 * @param records the embedded records among the key, which finders take whole
 */
record FinderDescriptor(List<FieldDescriptor> fields, boolean unique,
    List<EmbeddedDescriptor> records) {
  FinderDescriptor {
    fields = List.copyOf(fields);
    records = List.copyOf(records);
  }

  /** A finder of plain fields. */
  FinderDescriptor(List<FieldDescriptor> fields, boolean unique) {
    this(fields, unique, List.of());
  }

  /** Its parameters in component order: the model's own fields, and embedded records whole. */
  List<DataMember> parameters() {
    List<DataMember> out = new ArrayList<>(fields.stream().filter(f -> !f.embedded()).toList());
    out.addAll(records);
    out.sort(Comparator.comparingInt(DataMember::component));
    return out;
  }

  /** {@code ById}, {@code ByTenantAndId}. */
  String suffix() {
    return Naming.finderSuffix(parameters().stream().map(DataMember::name).toList());
  }
}
