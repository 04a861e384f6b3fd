package io.toasty.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.toasty.ModelDef;
import io.toasty.error.UniqueViolationException;
import io.toasty.neo4j.models.Handle;
import io.toasty.neo4j.models.Handles;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A unique value of a soft-deleted model is unique among its live nodes (docs/neo4j.md): the
 * constraint is over the value and {@code toasty_live}, which a live node holds and a deleted one
 * lacks; a delete removes it, a restore sets it again, and push repairs the nodes that disagree
 * with their marker.
 */
class LiveUniqueGraphTest extends PrefixedGraphTestBase {
  @Override
  List<ModelDef<?>> models() {
    return List.of(Handles.MODEL);
  }

  @Test
  void theConstraintIsOverTheValueAndTheLiveProperty() {
    assertEquals(List.of("name", "toasty_live"), constrained());
  }

  /**
   * A constraint over the value alone, as a version before live-only constraints (or the model
   * before it was soft-deleted) made it: push replaces it, since the new one refuses nothing the
   * old one allowed.
   */
  @Test
  void pushReplacesAConstraintOverEveryNode() {
    cypher("DROP CONSTRAINT `$Lhandles_name_key`");
    cypher("CREATE CONSTRAINT `$Lhandles_name_key` FOR (n:`$Lhandles`) REQUIRE (n.name) IS UNIQUE");
    assertEquals(List.of("name"), constrained());
    Handle first = create("ann");
    db.schema().push().block(T);
    assertEquals(List.of("name", "toasty_live"), constrained());
    assertEquals(1L, Handles.deleteById(first.id()).exec(db).block(T));
    create("ann");
  }

  /** The properties of the constraint on the handles' names. */
  private List<String> constrained() {
    return cypher("SHOW CONSTRAINTS YIELD name, properties WHERE name = '" + prefix
        + "handles_name_key' RETURN properties").get(0).get("properties")
        .asList(v -> v.asString());
  }

  @Test
  void aDeleteGivesUpTheValueAndARestoreTakesItBack() {
    Handle first = create("ann");
    assertEquals(List.of(true), live("ann"));
    assertEquals(1L, Handles.deleteById(first.id()).exec(db).block(T));
    assertEquals(List.of("null"), live("ann"));
    Handle second = create("ann");
    assertEquals(second.id(), Handles.upsert().name("ann").onConflict(Handles.NAME).exec(db)
        .block(T).id());
    UniqueViolationException taken = assertInstanceOf(UniqueViolationException.class,
        Mono.defer(() -> Handles.filterById(first.id()).restore().exec(db))
            .map(Object.class::cast).onErrorResume(Mono::just).block(T));
    assertEquals(Optional.of("Handle"), taken.model());
    assertEquals(Optional.of("name"), taken.field());
    assertEquals(1L, Handles.deleteById(second.id()).exec(db).block(T));
    assertEquals(1L, Handles.filterById(first.id()).restore().exec(db).block(T));
    assertEquals(List.of(first.id()), Handles.all().collect(db).block(T).stream()
        .map(Handle::id).toList());
  }

  /** Nodes written before the model was soft-deleted, or by raw Cypher, as push finds them. */
  @Test
  void pushRepairsNodesThatDisagreeWithTheirMarker() {
    cypher("CREATE (:`$Lhandles` {id: randomUUID(), name: 'old', retired: false}), "
        + "(:`$Lhandles` {id: randomUUID(), name: 'gone', retired: true, toasty_live: true})");
    db.schema().push().block(T);
    assertEquals(List.of(true), live("old"));
    assertEquals(List.of("null"), live("gone"));
    UniqueViolationException taken = assertInstanceOf(UniqueViolationException.class,
        Mono.defer(() -> Handles.create().name("old").exec(db))
            .map(Object.class::cast).onErrorResume(Mono::just).block(T));
    assertEquals(Optional.of("name"), taken.field());
    create("gone");
  }

  private Handle create(String name) {
    return Handles.create().name(name).exec(db).block(T);
  }

  /** {@code toasty_live} of the nodes named {@code name}, {@code "null"} where absent. */
  private List<Object> live(String name) {
    return cypher("MATCH (n:`$Lhandles` {name: '" + name + "'}) RETURN n.toasty_live AS l")
        .stream().map(r -> r.get("l").isNull() ? (Object) "null" : r.get("l").asBoolean())
        .toList();
  }
}
