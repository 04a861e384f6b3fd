package io.toasty.codegen;

/**
 * A secondary index on one field, from {@code @Unique} or {@code @Index}.
 *
 * @param name   the index's name
 * @param field  the indexed field's index
 * @param unique whether it is unique
 */
record IndexDescriptor(String name, int field, boolean unique) {}
