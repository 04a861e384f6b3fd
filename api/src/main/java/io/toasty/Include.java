package io.toasty;

import io.toasty.stmt.IncludeNode;

/**
 * A relation of model {@code M} to preload with a query's records: a relation path
 * ({@code Users.POSTS}), optionally scoped ({@code Users.POSTS.filter(..).orderBy(..)}) and with
 * nested relations ({@code Users.POSTS.then(Posts.COMMENTS)}).
 *
 * <pre>{@code
 * Flux<User> users = Users.all()
 *     .include(Users.POSTS.filter(Posts.TITLE.startsWith("A")).orderBy(Posts.ID.desc())
 *         .then(Posts.COMMENTS))
 *     .stream(db);
 * }</pre>
 *
 * @param <M> the model whose records the relation is loaded on
 */
public interface Include<M> {

  /** The untyped include. */
  IncludeNode untyped();

  /** The name of the model the relation belongs to. */
  String model();
}
