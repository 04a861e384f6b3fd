package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * The variants of a {@code @Json} field whose type is a sealed interface of records, stored as
 * one document: the variant's record as the codec writes it, its discriminator first under
 * {@code "type"} ({@code io.toasty.SealedJsonPath}).
 *
 * @param numeric        whether the discriminators are numbers (else strings)
 * @param variants       the permitted records, in {@code permits} order
 * @param discriminants  their discriminators as written in Java source, in the same order
 */
record SealedDocument(boolean numeric, List<ClassName> variants, List<String> discriminants) {
  SealedDocument {
    variants = List.copyOf(variants);
    discriminants = List.copyOf(discriminants);
  }

  /** {@code List.<Class<? extends Status>>of(Active.class, ..)}. */
  CodeBlock classes(ClassName sealed) {
    CodeBlock.Builder out = CodeBlock.builder()
        .add("$T.<Class<? extends $T>>of(", List.class, sealed);
    for (int i = 0; i < variants.size(); i++) {
      out.add(i == 0 ? "$T.class" : ", $T.class", variants.get(i));
    }
    return out.add(")").build();
  }

  /** {@code List.of("Active", "suspended")} or {@code List.of(1, 2)}. */
  CodeBlock literals() {
    CodeBlock.Builder out = CodeBlock.builder().add("$T.of(", List.class);
    for (int i = 0; i < discriminants.size(); i++) {
      out.add(i == 0 ? "" : ", ");
      out.add(numeric ? CodeBlock.of("$L", discriminants.get(i))
          : CodeBlock.of("$S", discriminants.get(i)));
    }
    return out.add(")").build();
  }
}
