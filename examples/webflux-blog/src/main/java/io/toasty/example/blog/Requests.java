package io.toasty.example.blog;

import java.util.List;

/** The bodies clients send. Every field is checked by the handler before use. */
final class Requests {
  private Requests() {}

  /** POST /users. */
  record NewUser(String name, String email) {}

  /** POST /posts. */
  record NewPost(Long authorId, String title, String body, List<String> tags) {}

  /** POST /posts/{id}/comments. */
  record NewComment(String body) {}

  /** One line of POST /users/{id}/posts/import (NDJSON). */
  record ImportedPost(String title, String body) {}

  /** One line of POST /users/{id}/posts/move (NDJSON): a post to move to the user. */
  record MovedPost(Long postId) {}
}
