package io.toasty.stmt;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The identity of the shape of every query built at one place in generated code (a finder such
 * as {@code Users.filterById}): those queries differ only in their values, so a {@code Db} can
 * keep the plan of the first one under this key and reuse it for the others, taking their values
 * straight from the query ({@link Shaped#of}) instead of rebuilding the statement to find its
 * shape and looking that up by deep equality. Compared by identity; one constant per place.
 *
 * <p>Only generated code makes keys, and a query carries one only as long as nothing changed
 * its shape: every builder method drops it, except {@code limit(n)} of an unlimited query, which
 * takes the key's {@link #limited()} child. A value that the planner would keep literal (NULL, a
 * boolean) takes the ordinary path, as does any executor that does not know keys.
 *
 * <p>A key is a promise that every query given with it has one shape: make one only where a
 * single expression builds all of them (the code generator does), never for queries assembled
 * by branches. The planner checks only the cheap half of the promise (the model and the number
 * of values).
 */
public final class ShapeKey {
  private final String site;
  /** The key of this shape with a limit added, made when first asked for. */
  private volatile @Nullable ShapeKey limited;

  /** The key of the queries built at {@code site} (a name for messages: {@code User.filterById}). */
  public ShapeKey(String site) {
    this.site = Objects.requireNonNull(site, "site");
  }

  /** The key of this shape with a LIMIT (no offset) added: one child per key, the same each time. */
  public ShapeKey limited() {
    ShapeKey child = limited;
    if (child == null) {
      synchronized (this) {
        child = limited;
        if (child == null) {
          child = new ShapeKey(site + ".limit");
          limited = child;
        }
      }
    }
    return child;
  }

  @Override
  public String toString() {
    return "ShapeKey[" + site + "]";
  }
}
