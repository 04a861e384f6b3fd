package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * A model field whose type is a sealed interface of records, stored flattened like an embedded
 * record: a discriminator column naming the variant, then every variant's fields in nullable
 * columns, NULL where the stored variant lacks them. The schema, the planner and the drivers see
 * plain columns.
 *
 * @param name          the component's name ({@code status})
 * @param constant      the name of its paths constant ({@code STATUS})
 * @param type          the sealed interface
 * @param optional      whether the field is an {@code Optional} of it (absent: discriminator NULL)
 * @param component     its position among the model's components
 * @param numeric       whether its discriminators are numbers (else strings)
 * @param discriminator the discriminator's column, first of its fields
 * @param variants      the permitted records, in {@code permits} order
 */
record SealedDescriptor(String name, String constant, ClassName type, boolean optional,
    int component, boolean numeric, FieldDescriptor discriminator,
    List<VariantDescriptor> variants) {
  SealedDescriptor {
    variants = List.copyOf(variants);
  }

  /** The suffix of a discriminator's field name: {@code status.discriminator}. */
  static final String DISCRIMINATOR = "discriminator";

  /** The record component's declared type: {@code Status} or {@code Optional<Status>}. */
  TypeName declared() {
    return optional ? ParameterizedTypeName.get(ApiTypes.OPTIONAL, type) : type;
  }

  /** Its columns' fields in index order: the discriminator, then each variant's. */
  List<FieldDescriptor> leaves() {
    List<FieldDescriptor> out = new ArrayList<>();
    out.add(discriminator);
    variants.forEach(v -> out.addAll(v.fields()));
    return out;
  }

  /** The index after its last field. */
  int end() {
    List<FieldDescriptor> leaves = leaves();
    return leaves.get(leaves.size() - 1).index() + 1;
  }

  /** The Java literal of variant {@code v}'s discriminator: {@code "Suspended"} or {@code 2}. */
  CodeBlock literal(VariantDescriptor v) {
    return numeric ? CodeBlock.of("$L", v.discriminant()) : CodeBlock.of("$S", v.discriminant());
  }

  /** The discriminator's Java type: {@code String} or {@code Integer}. */
  TypeName discriminatorType() {
    return numeric ? ClassName.get(Integer.class) : ClassName.get(String.class);
  }

  /** The simple name of its paths class in the entry class: {@code StatusFields}. */
  String pathsSuffix() {
    return Naming.capitalize(name) + "Fields";
  }

  /** The simple name of variant {@code v}'s paths class: {@code StatusSuspendedFields}. */
  String pathsSuffix(VariantDescriptor v) {
    return Naming.capitalize(name) + Naming.capitalize(v.path()) + "Fields";
  }

  /** {@code loadStatus}, {@code putStatus}: the Definition's conversions of this field. */
  String base() {
    return Naming.capitalize(name);
  }
}
