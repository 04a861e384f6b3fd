package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.function.Function;

/**
 * One variant of a polymorphic model: a record its sealed interface permits.
 *
 * @param type         the record's class
 * @param entry        the variant's entry class ({@code Clicks}), whose queries see its rows only
 * @param discriminant its discriminator as written in Java source: a string's text or a number's
 *                     digits
 * @param fields       its record components, in order, as the hierarchy's fields (their indexes
 *                     are the hierarchy's)
 * @param relations    its relation components, numbered as the hierarchy's relations (their
 *                     {@code component} is the record's)
 */
record PolymorphicVariant(ClassName type, ClassName entry, String discriminant,
    List<FieldDescriptor> fields, List<RelationDescriptor> relations) {
  PolymorphicVariant {
    fields = List.copyOf(fields);
    relations = List.copyOf(relations);
  }

  /**
   * How to build the record from {@code field} (a data field's value) and {@code relation} (a
   * relation's handle), component by component: relations at their components, the data
   * fields in order in between.
   */
  CodeBlock constructorArguments(
      Function<FieldDescriptor, CodeBlock> field,
      Function<RelationDescriptor, CodeBlock> relation) {
    CodeBlock[] args =
        new CodeBlock[fields.size() + relations.size()];
    relations.forEach(r -> args[r.component()] = relation.apply(r));
    int next = 0;
    for (FieldDescriptor f : fields) {
      while (args[next] != null) {
        next++;
      }
      args[next] = field.apply(f);
    }
    return CodeBlock.join(List.of(args), ",\n");
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
