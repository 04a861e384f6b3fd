package io.toasty;

import java.util.Objects;

/**
 * A record a {@link PathQuery} reached, with the number of hops of the path that reached it.
 *
 * @param record the record reached
 * @param length the path's number of hops (0 for a start record, where a path may have none)
 * @param <M>    the record's model
 */
public record Reached<M>(M record, int length) {
  public Reached {
    Objects.requireNonNull(record, "record");
  }
}
