package io.toasty.codegen;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * The setters of sealed-interface fields in the create, upsert and update builders:
 * {@code status(Status)} sets the discriminator and every variant's columns, the value's own
 * fields and NULL in all others, so that an update changing the variant leaves nothing of the
 * old one behind. No single column of the field can be set alone.
 */
final class SealedSetters {
  /** The helper that rejects null in a variant's field that is not {@code Optional}. */
  private static final String PRESENT = "variantPresent$";

  private SealedSetters() {}

  /** The setters of {@code model}'s sealed fields in {@code builder}, and their helper. */
  static List<MethodSpec> write(ModelDescriptor model, TypeName builder) {
    List<MethodSpec> out = new ArrayList<>();
    if (model.sealed().isEmpty()) {
      return out;
    }
    for (SealedDescriptor s : model.sealed()) {
      MethodSpec.Builder setter = MethodSpec.methodBuilder(s.name())
          .addModifiers(PUBLIC)
          .returns(builder)
          .addParameter(s.type(), s.name());
      if (s.optional()) {
        out.add(setter.addJavadoc("Sets {@code $L}: its variant and that variant's fields; null"
                + " for none (all NULL).\n", s.name())
            .addStatement("return $N($N)", putter(s), s.name())
            .build());
        out.add(MethodSpec.methodBuilder(s.name())
            .addModifiers(PUBLIC)
            .returns(builder)
            .addParameter(s.declared(), s.name())
            .addJavadoc("Sets {@code $L}; empty for none (all NULL).\n", s.name())
            .addStatement("return $N($T.requireNonNull($N, $S).orElse(null))", putter(s),
                ApiTypes.OBJECTS, s.name(), s.name())
            .build());
      } else {
        out.add(setter.addJavadoc("Sets {@code $L}: its variant and that variant's fields.\n",
                s.name())
            .addStatement("return $N($N($N, $S))", putter(s), PRESENT, s.name(), s.name())
            .build());
      }
      out.add(put(model, s, builder));
    }
    out.add(EmbeddedSetters.presentHelper(model, PRESENT));
    return out;
  }

  /** {@code put$status(Status value)}: every column of the field; null sets all NULL. */
  private static MethodSpec put(ModelDescriptor model, SealedDescriptor s, TypeName builder) {
    CodeBlock paths = CodeBlock.of("$T.$N", model.entry(), s.constant());
    MethodSpec.Builder put = MethodSpec.methodBuilder(putter(s))
        .addModifiers(PRIVATE)
        .returns(builder)
        .addParameter(s.type(), "value")
        .addStatement("setInner($L.$N, value == null ? null : $L.discriminant(value.getClass()))",
            paths, SealedParser.DISCRIMINATOR_CONSTANT, paths);
    int n = 0;
    for (VariantDescriptor v : s.variants()) {
      if (v.fields().isEmpty()) {
        continue;
      }
      String local = "v" + n++;
      put.addStatement("$T $N = value instanceof $T ? ($T) value : null", v.type(), local,
          v.type(), v.type());
      for (FieldDescriptor f : v.fields()) {
        CodeBlock java = CodeBlock.of("$N.$N()", local, f.accessor());
        CodeBlock inner = f.type().optional() ? CodeBlock.of("$L.orElse(null)", java)
            : f.type().isPrimitive() ? java : CodeBlock.of("$N($L, $S)", PRESENT, java, f.name());
        put.addStatement("setInner($L.$N.$N, $N == null ? null : $L)", paths, v.constant(),
            f.constant(), local, inner);
      }
    }
    return put.addStatement("return self()").build();
  }

  private static String putter(SealedDescriptor s) {
    return "put$" + s.name();
  }
}
