package io.toasty.docs.polymorphic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the polymorphic model examples of docs/models.md on H2. */
class PolymorphicGuideTest {

  @Test
  void oneTableHoldsEveryVariant() {
    PolymorphicGuide.Seen seen = PolymorphicGuide.run("r2dbc:h2:mem:///polymorphic-guide");
    assertEquals(List.of(Event.Click.class, Event.Purchase.class),
        seen.all().stream().map(Object::getClass).sorted((a, b) -> a.getName()
            .compareTo(b.getName())).toList());
    assertEquals(1, seen.clicks().size());
    assertEquals("/pricing", seen.clicks().get(0).url());
    assertEquals(1L, seen.purchases());
    assertEquals(Optional.of("SPRING"), seen.updated().coupon());
    assertEquals(0L, seen.deleted());
  }
}
