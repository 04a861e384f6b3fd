package io.toasty.planner.cardinality;

import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One record whose limited relation a write may fill up: the write runs with that record locked,
 * and the related records are counted before the transaction commits.
 *
 * @param owner         the model declaring the relation (the record locked)
 * @param relation      the relation's name
 * @param max           its {@code @AtMost} limit
 * @param ownerFields   the owner's fields the relation joins on (usually its key)
 * @param key           their values: the record
 * @param counted       the model whose records are counted (the target, or the join model of
 *                      a many-to-many)
 * @param countedFields its fields pointing at the owner
 * @param added         for an insert, how many of its rows point at the record
 * @param moved         for an update, its filter: the records it points at the record (those
 *                      not pointing there yet are added); else {@code null}
 * @param required      a required has-one's guard: the record, if it still exists, must have
 *                      exactly one related record when the transaction ends (see
 *                      {@link #probe})
 * @param probe         for a required has-one's guard of records not known before the write
 *                      (a delete or move of related records): the filter over {@code counted}
 *                      whose records' owners are the records, read before the write;
 *                      {@code key} is then null; else {@code null}
 */
public record CardinalityGuard(String owner, String relation, int max, List<Integer> ownerFields,
    Value.@Nullable Record key, String counted, List<Integer> countedFields, int added,
    @Nullable ExprNode moved, boolean required, @Nullable ExprNode probe) {
  public CardinalityGuard {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(relation, "relation");
    if (probe == null) {
      Objects.requireNonNull(key, "key");
    }
    Objects.requireNonNull(counted, "counted");
    ownerFields = List.copyOf(ownerFields);
    countedFields = List.copyOf(countedFields);
  }

  /** An {@code @AtMost} guard of a known record. */
  public CardinalityGuard(String owner, String relation, int max, List<Integer> ownerFields,
      Value.@Nullable Record key, String counted, List<Integer> countedFields, int added,
      @Nullable ExprNode moved) {
    this(owner, relation, max, ownerFields, key, counted, countedFields, added, moved, false,
        null);
  }

  /** Whether {@code other} guards the same record's relation. */
  boolean sameRecord(CardinalityGuard other) {
    return owner.equals(other.owner) && relation.equals(other.relation)
        && Objects.equals(key, other.key) && probe == null && other.probe == null
        && required == other.required;
  }

  /** This guard, with {@code more} rows of an insert added. */
  CardinalityGuard plus(int more) {
    return new CardinalityGuard(owner, relation, max, ownerFields, key, counted, countedFields,
        added + more, moved, required, probe);
  }

  /** This probe's guard of one record its probe found, {@code found}. */
  public CardinalityGuard of(Value.Record found) {
    return new CardinalityGuard(owner, relation, max, ownerFields, found, counted, countedFields,
        0, null, required, null);
  }

  /** {@code Team(id = 7)}: the record, as a message names it. */
  public String describe(List<String> fieldNames) {
    StringBuilder out = new StringBuilder(owner).append('(');
    for (int i = 0; i < fieldNames.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(fieldNames.get(i)).append(" = ")
          .append(Objects.requireNonNull(key, "a found record's guard").get(i));
    }
    return out.append(')').toString();
  }
}
