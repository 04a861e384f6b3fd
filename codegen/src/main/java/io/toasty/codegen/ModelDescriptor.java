package io.toasty.codegen;

import com.palantir.javapoet.ClassName;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.DeclaredNames;
import java.util.List;
import java.util.Optional;

/**
 * A model, as the parser read it from an {@code @Model} record: everything the writers need, and
 * nothing from {@code javax.lang.model}.
 *
 * @param record    the record's class
 * @param javaClass the record's canonical name
 * @param entry     the entry class ({@code Users})
 * @param table     the table's name
 * @param fields    the data fields, in record component order, an embedded record's fields
 *                  (flattened, depth first) where the record is
 * @param indexes   the secondary indexes, in field order
 * @param finders   the finders of the entry class: the key's first, then unique and indexed fields
 * @param relations the relation fields, in record component order
 * @param embedded  the model's embedded record fields, in record component order
 * @param sealed    the model's sealed-interface fields, in record component order
 * @param changes   whether its changes can be followed as a stream ({@code @Model(changes)})
 */
record ModelDescriptor(ClassName record, String javaClass, ClassName entry, String table,
    List<FieldDescriptor> fields, List<IndexDescriptor> indexes, List<FinderDescriptor> finders,
    List<RelationDescriptor> relations, List<EmbeddedDescriptor> embedded,
    List<SealedDescriptor> sealed, boolean changes, DeclaredNames declared) {
  ModelDescriptor {
    sealed = List.copyOf(sealed);
    fields = List.copyOf(fields);
    relations = List.copyOf(relations);
    indexes = List.copyOf(indexes);
    finders = List.copyOf(finders);
    embedded = List.copyOf(embedded);
  }

  /** A model whose storage names were all derived. */
  ModelDescriptor(ClassName record, String javaClass, ClassName entry, String table,
      List<FieldDescriptor> fields, List<IndexDescriptor> indexes, List<FinderDescriptor> finders,
      List<RelationDescriptor> relations, List<EmbeddedDescriptor> embedded,
      List<SealedDescriptor> sealed, boolean changes) {
    this(record, javaClass, entry, table, fields, indexes, finders, relations, embedded, sealed,
        changes, DeclaredNames.NONE);
  }

  /** A model whose changes are not followed as a stream. */
  ModelDescriptor(ClassName record, String javaClass, ClassName entry, String table,
      List<FieldDescriptor> fields, List<IndexDescriptor> indexes, List<FinderDescriptor> finders,
      List<RelationDescriptor> relations, List<EmbeddedDescriptor> embedded,
      List<SealedDescriptor> sealed) {
    this(record, javaClass, entry, table, fields, indexes, finders, relations, embedded, sealed,
        false);
  }

  /** A model without sealed-interface fields. */
  ModelDescriptor(ClassName record, String javaClass, ClassName entry, String table,
      List<FieldDescriptor> fields, List<IndexDescriptor> indexes, List<FinderDescriptor> finders,
      List<RelationDescriptor> relations, List<EmbeddedDescriptor> embedded) {
    this(record, javaClass, entry, table, fields, indexes, finders, relations, embedded,
        List.of());
  }

  /** A model without embedded records. */
  ModelDescriptor(ClassName record, String javaClass, ClassName entry, String table,
      List<FieldDescriptor> fields, List<IndexDescriptor> indexes, List<FinderDescriptor> finders,
      List<RelationDescriptor> relations) {
    this(record, javaClass, entry, table, fields, indexes, finders, relations, List.of());
  }

  /** The data fields that are components of the model itself (no embedded record's leaves). */
  List<FieldDescriptor> ownFields() {
    return fields.stream().filter(f -> !f.embedded()).toList();
  }

  /** The model's name: the record's simple name. */
  String name() {
    return record.simpleName();
  }

  /** The number of record components: data fields, embedded records, sealed fields, relations. */
  int components() {
    return ownFields().size() + embedded.size() + sealed.size() + relations.size();
  }

  /** The number of values in a row with a slot per relation: data fields and relations. */
  int rowWithRelations() {
    return fields.size() + relations.size();
  }

  /** The primary key's fields, in order. */
  List<FieldDescriptor> keyFields() {
    return fields.stream().filter(FieldDescriptor::key).toList();
  }

  /** The {@code @Version} field, if the model has one. */
  Optional<FieldDescriptor> versionField() {
    return fields.stream().filter(f -> f.auto() == AutoStrategy.VERSION).findFirst();
  }

  /** {@code UserQuery}. */
  ClassName queryClass() {
    return entry.peerClass(name() + "Query");
  }

  /** {@code UserCreate}. */
  ClassName createClass() {
    return entry.peerClass(name() + "Create");
  }

  /** {@code UserUpsert}. */
  ClassName upsertClass() {
    return entry.peerClass(name() + "Upsert");
  }

  /** {@code UserRepository}. */
  ClassName repositoryClass() {
    return entry.peerClass(name() + "Repository");
  }

  /** {@code UserUpdate}. */
  ClassName updateClass() {
    return entry.peerClass(name() + "Update");
  }
}
