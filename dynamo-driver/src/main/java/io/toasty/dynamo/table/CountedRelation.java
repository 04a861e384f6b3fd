package io.toasty.dynamo.table;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.schema.db.TableForeignKey;
import io.toasty.schema.mapping.ModelMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A counter the driver keeps on an owning record's item: DynamoDB has no lock across items, so
 * the owner's item holds a counter attribute ({@link #attribute()}) of the records of the counted
 * table that point at it, changed in the same TransactWriteItems as every write of those records.
 * Two kinds of relation are counted:
 * <ul>
 *   <li>one limited by {@code @AtMost}, or a required has-one (exactly one): each write is
 *       conditioned on the limit;</li>
 *   <li>a checked belongs-to key ({@link TableForeignKey}) to the owner's primary key, limited or
 *       not ({@link #onOwnerDelete()} not null): the owner's delete is conditioned on the counter
 *       holding exactly the records the same write deletes or unlinks, so a record written to
 *       point at the owner while it is deleted cancels the delete rather than being left
 *       pointing at nothing (docs/design/integrity.md).</li>
 * </ul>
 *
 * @param model          the model declaring the relation
 * @param relation       the relation's name
 * @param max            its limit
 * @param min            the fewest records it may be left with: 1 for a required has-one
 *                       (exactly one), else 0
 * @param owner          the owning model's table
 * @param counted        the table whose records are counted (the target's, or a many-to-many's
 *                       join model's)
 * @param countedColumns its columns pointing at the owner, in the order of the owner's key
 * @param onOwnerDelete  what deleting the owner does to the counted records when their key is
 *                       checked; null when it is not (the owner's delete is not guarded)
 */
public record CountedRelation(String model, String relation, int max, int min, TableInfo owner,
    TableInfo counted, List<Integer> countedColumns,
    TableForeignKey.@Nullable OnDelete onOwnerDelete) {
  /** What every counter attribute's name starts with; the relation's name follows. */
  public static final String COUNTER_PREFIX = "toasty.count.";

  public CountedRelation {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(counted, "counted");
    countedColumns = List.copyOf(countedColumns);
  }

  /**
   * The owner item's counter attribute: {@code toasty.count.<relation>}; for a checked key
   * counted only for its owner's delete, the relation is the key's belongs-to as
   * {@code Model.relation}, which no declared relation's name can be.
   */
  public String attribute() {
    return COUNTER_PREFIX + relation;
  }

  /** Whether writes are conditioned on the counter: a limit, or at least one record. */
  public boolean limiting() {
    return max != Integer.MAX_VALUE || min > 0;
  }

  /**
   * The limits of {@code schema}'s relations over {@code tables}.
   *
   * @throws UnsupportedFeatureException ({@code Feature.CARDINALITY}) for a relation joined on
   *     fields other than its owner's key: the counter lives on the item that key finds
   */
  static List<CountedRelation> of(Schema schema, Map<String, TableInfo> tables) {
    List<CountedRelation> out = new ArrayList<>();
    for (ModelSchema m : schema.models()) {
      for (RelationSchema r : m.relations()) {
        if (r.isLimited() || r.isRequiredOne()) {
          out.add(of(schema, tables, m, r));
        }
      }
    }
    for (TableInfo counted : tables.values()) {
      for (TableForeignKey fk : counted.schema().foreignKeys()) {
        TableInfo owner = tables.get(fk.referencedTable());
        if (owner != null && fk.referencedColumns().equals(owner.primaryKey())
            && out.stream().noneMatch(l -> l.owner() == owner && l.counted() == counted
                && l.countedColumns().equals(fk.columns()))) {
          out.add(new CountedRelation(owner.model() == null ? owner.name() : owner.model(),
              fk.model() + "." + fk.relation(), Integer.MAX_VALUE, 0, owner, counted,
              fk.columns(), fk.onDelete()));
        }
      }
    }
    return List.copyOf(out);
  }

  /** What deleting {@code owner} does to {@code counted}'s records, if a checked key says. */
  private static TableForeignKey.@Nullable OnDelete checked(TableInfo owner, TableInfo counted,
      List<Integer> columns) {
    for (TableForeignKey fk : counted.schema().foreignKeys()) {
      if (fk.referencedTable().equals(owner.name()) && fk.columns().equals(columns)
          && fk.referencedColumns().equals(owner.primaryKey())) {
        return fk.onDelete();
      }
    }
    return null;
  }

  private static CountedRelation of(Schema schema, Map<String, TableInfo> tables, ModelSchema m,
      RelationSchema r) {
    String countedModel = r.through() == null ? r.target() : r.through().model();
    List<Integer> countedFields = r.through() == null ? r.targetFields()
        : r.through().sourceFields();
    ModelMapping ownerMapping = schema.mapping(m.name());
    ModelMapping countedMapping = schema.mapping(countedModel);
    TableInfo owner = Objects.requireNonNull(tables.get(ownerMapping.table()),
        "a model's table is one of the schema's");
    List<Integer> columns = new ArrayList<>();
    for (int k : owner.primaryKey()) {
      int at = -1;
      for (int i = 0; i < r.sourceFields().size(); i++) {
        if (ownerMapping.columnOf(r.sourceFields().get(i)) == k) {
          at = i;
        }
      }
      if (at < 0 || r.sourceFields().size() != owner.primaryKey().size()) {
        throw new UnsupportedFeatureException(Feature.CARDINALITY, TableInfo.BACKEND,
            m.name() + "." + r.name() + " (@AtMost(" + r.max() + ")) joins on fields other "
            + "than " + m.name() + "'s key; DynamoDB keeps the limit on the item the key finds");
      }
      columns.add(countedMapping.columnOf(countedFields.get(at)));
    }
    int max = r.isRequiredOne() ? 1 : r.max();
    TableInfo counted = Objects.requireNonNull(tables.get(countedMapping.table()),
        "a model's table is one of the schema's");
    return new CountedRelation(m.name(), r.name(), max, r.isRequiredOne() ? 1 : 0, owner, counted,
        columns, checked(owner, counted, columns));
  }
}
