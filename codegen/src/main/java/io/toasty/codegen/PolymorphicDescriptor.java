package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import io.toasty.schema.app.DeclaredNames;
import java.util.ArrayList;
import java.util.List;

/**
 * A polymorphic model, as the parser read it from an {@code @Model} sealed interface whose
 * permitted records are its variants: one table holding a discriminator column plus the union
 * of the variants' columns.
 *
 * @param type          the sealed interface's class
 * @param javaClass     its canonical name
 * @param entry         the hierarchy's entry class ({@code Events})
 * @param table         the table's name
 * @param fields        the union of the variants' fields, in first-seen order; the key fields are
 *                      every variant's
 * @param discriminator the discriminator field, the last one
 * @param variants      the variants, in {@code permits} order
 * @param relations     the union of the variants' (belongs-to) relations by name, numbered as
 *                      the hierarchy's
 * @param indexes       the union of the variants' indexes by name, on the hierarchy's fields
 */
record PolymorphicDescriptor(ClassName type, String javaClass, ClassName entry, String table,
    List<FieldDescriptor> fields, FieldDescriptor discriminator,
    List<PolymorphicVariant> variants, List<RelationDescriptor> relations,
    List<IndexDescriptor> indexes, DeclaredNames declared) {
  /** The field and column name of the discriminator. */
  static final String DISCRIMINATOR = "discriminator";

  PolymorphicDescriptor {
    fields = List.copyOf(fields);
    variants = List.copyOf(variants);
    relations = List.copyOf(relations);
    indexes = List.copyOf(indexes);
  }

  /** The model's name: the interface's simple name. */
  String name() {
    return type.simpleName();
  }

  /** Every data field, the discriminator last, in schema order. */
  List<FieldDescriptor> allFields() {
    List<FieldDescriptor> all = new ArrayList<>(fields);
    all.add(discriminator);
    return all;
  }

  /** The shared key's fields, in key order. */
  List<FieldDescriptor> keyFields() {
    return fields.stream().filter(FieldDescriptor::key).toList();
  }

  /** Whether discriminators are numbers (else strings). */
  boolean numeric() {
    return discriminator.type().kind() == FieldKind.INT;
  }

  /** {@code EventQuery}. */
  ClassName queryClass() {
    return entry.peerClass(name() + "Query");
  }
}
