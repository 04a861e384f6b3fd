package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An embedded record field, stored flattened: its leaves are data fields of the model, numbered
 * consecutively, so the schema, the planner and the drivers see plain columns.
 *
 * @param name       its path from the model ({@code address}, {@code headquarters.location})
 * @param constant   the name of its path constant ({@code ADDRESS}, {@code LOCATION})
 * @param type       the embedded record's class
 * @param optional   whether the field is an {@code Optional} of the record
 * @param inOptional whether it lies inside an {@code Optional} embedded record
 * @param component  its position among the components of its record
 * @param members    the embedded record's components, in order
 */
record EmbeddedDescriptor(String name, String constant, ClassName type, boolean optional,
    boolean inOptional, int component, List<DataMember> members) implements DataMember {
  EmbeddedDescriptor {
    members = List.copyOf(members);
  }

  @Override
  public String accessor() {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** The record component's declared type: {@code Address} or {@code Optional<Address>}. */
  TypeName declared() {
    return optional ? ParameterizedTypeName.get(ApiTypes.OPTIONAL, type) : type;
  }

  /** Its columns' fields, depth first, in index order. */
  List<FieldDescriptor> leaves() {
    List<FieldDescriptor> out = new ArrayList<>();
    for (DataMember m : members) {
      if (m instanceof FieldDescriptor f) {
        out.add(f);
      } else {
        out.addAll(((EmbeddedDescriptor) m).leaves());
      }
    }
    return out;
  }

  /** The index of its first field. */
  int first() {
    return leaves().get(0).index();
  }

  /** The index after its last field. */
  int end() {
    List<FieldDescriptor> leaves = leaves();
    return leaves.get(leaves.size() - 1).index() + 1;
  }

  /**
   * Its first field that is NULL exactly when the embedded value is absent: a field that is not
   * Optional, reached through embedded fields that are not Optional; {@code null} if there is
   * none (the parser refuses such an {@code Optional} embedded record).
   */
  @Nullable FieldDescriptor witness() {
    for (DataMember m : members) {
      if (m instanceof FieldDescriptor f && !f.type().optional()) {
        return f;
      }
      if (m instanceof EmbeddedDescriptor e && !e.optional() && e.witness() != null) {
        return e.witness();
      }
    }
    return null;
  }

  /** The simple name of its paths class in the entry class: {@code HeadquartersLocationFields}. */
  String pathsSuffix() {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("\\.")) {
      out.append(Naming.capitalize(part));
    }
    return out.append("Fields").toString();
  }
}
