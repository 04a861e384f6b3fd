package io.toasty.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a finder's or a record's key reaches the key's fields when part of the key is an embedded
 * record ({@code @Key OrderLineId id}): a leaf's path is its record's paths constant and the
 * leaf's ({@code ID.ORDER_ID}), its value the accessors from the record ({@code id.orderId()},
 * {@code record.id().orderId()}). A plain key field is its own constant and accessor.
 */
final class KeyParameters {
  private KeyParameters() {}

  /** {@code ID}, or for a leaf of an embedded record {@code ID.ORDER_ID}. */
  static CodeBlock path(ModelDescriptor model, FieldDescriptor f) {
    if (!f.embedded()) {
      return CodeBlock.of("$N", f.constant());
    }
    for (EmbeddedDescriptor e : model.embedded()) {
      List<String> chain = chain(e, f);
      if (chain != null) {
        return CodeBlock.of("$L", String.join(".", chain));
      }
    }
    throw new IllegalStateException("no embedded record holds " + f.name());
  }

  /**
   * The constants from {@code e} down to {@code leaf} ({@code [ID, ORDER_ID]},
   * {@code [HEADQUARTERS, LOCATION, CITY]}), or null if {@code e} does not hold it.
   */
  private static @Nullable List<String> chain(EmbeddedDescriptor e, FieldDescriptor leaf) {
    for (DataMember m : e.members()) {
      List<String> below = m instanceof EmbeddedDescriptor inner ? chain(inner, leaf)
          : m.equals(leaf) ? List.of(leaf.constant()) : null;
      if (below != null) {
        List<String> out = new ArrayList<>(List.of(e.constant()));
        out.addAll(below);
        return out;
      }
    }
    return null;
  }

  /**
   * The Java value of key field {@code f} from {@code root}, the expression of the model's
   * component it lies in: {@code id}, or {@code id.orderId()} for a leaf, with {@code root}
   * naming the component ({@code id} for a parameter, {@code record.id()} for a record).
   */
  static CodeBlock value(FieldDescriptor f, CodeBlock root) {
    CodeBlock.Builder out = CodeBlock.builder().add(root);
    String[] parts = f.name().split("\\.");
    for (int i = 1; i < parts.length; i++) {
      out.add(".$N()", parts[i]);
    }
    return out.build();
  }

  /** The name of the model's component that key field {@code f} lies in: {@code id}. */
  static String component(FieldDescriptor f) {
    return f.name().split("\\.")[0];
  }

  /** Adds {@code finder}'s parameters: a plain field's type, an embedded key record's record. */
  static MethodSpec.Builder addParameters(MethodSpec.Builder method, FinderDescriptor finder) {
    for (DataMember p : finder.parameters()) {
      method.addParameter(p instanceof EmbeddedDescriptor e ? e.type()
          : ((FieldDescriptor) p).type().type(), p.name());
    }
    return method;
  }

  /** {@code finder}'s parameters passed on: {@code tenant, id}. */
  static CodeBlock arguments(FinderDescriptor finder) {
    return finder.parameters().stream().map(p -> CodeBlock.of("$N", p.name()))
        .collect(CodeBlock.joining(", "));
  }
}
