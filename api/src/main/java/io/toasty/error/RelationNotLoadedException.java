package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * A relation field was read on a record that was loaded without it. Include the relation in the
 * query ({@code .include(Posts.AUTHOR)}) or query it through the handle
 * ({@code post.author().get(db)}).
 */
public final class RelationNotLoadedException extends NotLoadedException {
  private static final long serialVersionUID = 1L;

  public RelationNotLoadedException(@Nullable String model, String relation, String hint) {
    super(model, relation, "relation was not loaded: " + hint);
  }

  /**
   * {@link ErrorCategory#INTERNAL}: the service read a relation its query did not load, a
   * fault of its code.
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INTERNAL;
  }
}
