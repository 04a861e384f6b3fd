package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A Java enum used as a field type.
 *
 * @param type       the enum's class
 * @param binaryName its binary name, as {@code Type.Enum} records it
 * @param constants  the constants' names, in declaration order
 */
record EnumType(ClassName type, String binaryName, List<String> constants) {
  EnumType {
    constants = List.copyOf(constants);
  }
}
