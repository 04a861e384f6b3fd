package io.toasty.docs.queries;

import io.toasty.annotations.Embeddable;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.time.LocalDate;

// snippet: q-typed-model
@Model
public record Issue(@Key long id, State state, Place place, LocalDate due) {
  public enum State { OPEN, CLOSED }

  @Embeddable
  public record Place(String board, int column) {}
}
// end-snippet
