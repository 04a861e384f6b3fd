package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * One variant of a sealed-interface field: a record the interface permits.
 *
 * @param type         the variant record's class
 * @param discriminant its discriminator as written in Java source: a string literal's text, or a
 *                     number's digits
 * @param segment      its part of its fields' column names ({@code suspended} in
 *                     {@code status_suspended_reason}), made from the discriminator
 * @param path         its part of its fields' names ({@code suspended} in
 *                     {@code status.suspended.reason})
 * @param constant     the name of its paths constant ({@code SUSPENDED})
 * @param fields       its record components, in order, each stored in a nullable column
 */
record VariantDescriptor(ClassName type, String discriminant, String segment, String path,
    String constant, List<FieldDescriptor> fields) {
  VariantDescriptor {
    fields = List.copyOf(fields);
  }
}
