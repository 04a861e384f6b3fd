package io.toasty.docs.polymorphic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the relation examples of docs/models.md, "Polymorphic models", on H2. */
class PolymorphicRelationsGuideTest {

  @Test
  void relationsReachEveryVariant() {
    PolymorphicRelationsGuide.Seen seen =
        PolymorphicRelationsGuide.run("r2dbc:h2:mem:///polymorphic-relations-guide");
    assertEquals(List.of(Visit.Browse.class, Visit.Checkout.class),
        seen.visits().stream().map(Object::getClass).sorted((a, b) -> a.getName()
            .compareTo(b.getName())).toList());
    assertEquals(List.of("ann", "ann"), seen.shoppers());
    assertEquals(List.of("ann"), seen.buyers().stream().map(Shopper::name).toList());
    assertEquals(0L, seen.visitsLeft());
  }
}
