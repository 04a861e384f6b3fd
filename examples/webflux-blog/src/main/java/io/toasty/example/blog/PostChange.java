package io.toasty.example.blog;

import io.toasty.Change;
import io.toasty.value.Value;
import org.jspecify.annotations.Nullable;

// snippet: blog-post-change
/**
 * One change of a post as the {@code GET /posts/changes} events carry it, in JSON:
 * {@code {"kind":"UPDATED","id":7,"post":{"id":7,"title":..,..},"position":3,"token":".."}}.
 * {@code id} is null for a mark ({@code LISTENING}, {@code GAP}); {@code post} is the post as
 * read after the commit, null for a delete, a mark, or a post deleted before it was read.
 *
 * @param kind     CREATED, UPDATED, DELETED, or a mark: LISTENING, GAP
 * @param id       the post's id; null for a mark
 * @param post     the post as read after the change
 * @param position the change's place in the stream, from 1
 * @param token    where the change lies in the database's commits
 */
public record PostChange(Change.Kind kind, @Nullable Long id, @Nullable Post post,
    long position, String token) {

  /** The event of {@code change}. */
  static PostChange of(Change<Post> change) {
    Value.@Nullable Record key = change.key();
    Long id = key == null ? null : ((Value.I64) key.get(0)).value();
    return new PostChange(change.kind(), id, change.record(), change.position(),
        change.resumeToken());
  }
}
// end-snippet
