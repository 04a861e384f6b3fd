package io.toasty.reactive.hook;

import java.util.Objects;

/**
 * A lifecycle hook of a model: {@link RecordHook function} run for each record a create, update
 * or delete of the model writes, before or after the statement ({@link HookKind}), inside the
 * statement's transaction. Register it on the {@code DbBuilder}:
 *
 * <pre>{@code
 * Db db = Toasty.builder().models(Posts.MODEL)
 *     .hook(Posts.MODEL, Hook.beforeCreate((tx, post) -> post.title().isBlank()
 *         ? Mono.error(new IllegalArgumentException("a post needs a title"))
 *         : Mono.empty()))
 *     .url(url).build();
 * }</pre>
 *
 * <p>A model with hooks has each of its writes run in a transaction: the one bound in the
 * subscriber's Context, or one of its own; a hook that fails (or throws) fails the statement and
 * nothing of it, nor of the hook's own writes, is stored. See docs/hooks.md.
 *
 * @param kind when it runs
 * @param function what it does with each record
 * @param <M> the model's record type
 */
public record Hook<M>(HookKind kind, RecordHook<? super M> function) {
  public Hook {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(function, "function");
  }

  /** A hook run before a create is sent, with each record as the statement writes it. */
  public static <M> Hook<M> beforeCreate(RecordHook<? super M> function) {
    return new Hook<>(HookKind.BEFORE_CREATE, function);
  }

  /** A hook run after a create, with each record as stored. */
  public static <M> Hook<M> afterCreate(RecordHook<? super M> function) {
    return new Hook<>(HookKind.AFTER_CREATE, function);
  }

  /** A hook run before an update is sent, with each record it changes, as it is before. */
  public static <M> Hook<M> beforeUpdate(RecordHook<? super M> function) {
    return new Hook<>(HookKind.BEFORE_UPDATE, function);
  }

  /** A hook run after an update, with each changed record as it is after. */
  public static <M> Hook<M> afterUpdate(RecordHook<? super M> function) {
    return new Hook<>(HookKind.AFTER_UPDATE, function);
  }

  /** A hook run before a delete is sent, with each record it deletes. */
  public static <M> Hook<M> beforeDelete(RecordHook<? super M> function) {
    return new Hook<>(HookKind.BEFORE_DELETE, function);
  }

  /** A hook run after a delete, with each deleted record as it was. */
  public static <M> Hook<M> afterDelete(RecordHook<? super M> function) {
    return new Hook<>(HookKind.AFTER_DELETE, function);
  }
}
