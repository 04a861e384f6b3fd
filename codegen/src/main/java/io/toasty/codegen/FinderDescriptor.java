package io.toasty.codegen;

import java.util.List;

/**
 * A set of fields the entry class has finders for: the primary key, a unique field or an indexed
 * one. Every finder gets {@code filterBy..}; unique ones also {@code getBy..}, {@code updateBy..}
 * and {@code deleteBy..}.
 *
 * @param fields the fields, in key order
 * @param unique whether the fields identify at most one record
 */
record FinderDescriptor(List<FieldDescriptor> fields, boolean unique) {
  FinderDescriptor {
    fields = List.copyOf(fields);
  }

  /** {@code ById}, {@code ByTenantAndId}. */
  String suffix() {
    return Naming.finderSuffix(fields.stream().map(FieldDescriptor::name).toList());
  }
}
