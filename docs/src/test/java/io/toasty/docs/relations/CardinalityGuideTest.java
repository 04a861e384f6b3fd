package io.toasty.docs.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.CardinalityException;
import io.toasty.reactive.Db;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the cardinality example of docs/relations.md. */
class CardinalityGuideTest {
  private Db db;

  @BeforeEach
  void open() {
    db = CardinalityGuide.open("r2dbc:h2:mem:///cardinality-guide");
  }

  @AfterEach
  void close() {
    db.close().block();
  }

  @Test
  void aLimitedRelationRefusesTheWriteBeyondIt() {
    CardinalityException full = CardinalityGuide.limited(db);
    assertTrue(full.getMessage().startsWith("Band.musicians: at most 4 related records allowed"),
        full.getMessage());
    assertEquals(4, full.limit());
    assertEquals(5, full.count());
    assertEquals(4, Musicians.filterByBandId(
        Bands.all().first(db).block().id()).collect(db).block().size());
  }

  @Test
  void aSecondManagerIsRefused() {
    Band band = Bands.create().name("Duo").exec(db).block();
    Managers.create().name("Max").band(band).exec(db).block();
    CardinalityException e = Assertions.assertThrows(
        CardinalityException.class,
        () -> Managers.create().name("Moe").band(band).exec(db).block());
    assertEquals("manager", e.relation());
  }

  @Test
  void aRequiredHasOneKeepsExactlyOne() {
    CardinalityException none = CardinalityGuide.requiredOne(db);
    assertTrue(none.required(), none.getMessage());
    assertEquals(0, none.count());
    assertTrue(none.getMessage().startsWith("Ship.captain: a required has-one: exactly 1"),
        none.getMessage());
    assertEquals(List.of("Erik"), Captains.all().collect(db).block().stream()
        .filter(c -> c.shipId().isPresent()).map(Captain::name).toList());
  }
}
