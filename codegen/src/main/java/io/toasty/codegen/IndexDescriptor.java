package io.toasty.codegen;

/**
 * A secondary index on one field, from {@code @Unique} or {@code @Index}, optionally ordered by a
 * second field ({@code @Index(sortBy = ..)}).
 *
 * @param name   the index's name
 * @param field  the indexed field's index
 * @param unique whether it is unique
 * @param sortBy the index of the field ordering the index's records, or -1
 */
record IndexDescriptor(String name, int field, boolean unique, int sortBy) {
  /** An index of one field. */
  IndexDescriptor(String name, int field, boolean unique) {
    this(name, field, unique, -1);
  }
}
