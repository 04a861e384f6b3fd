package io.toasty.example.blog;

import java.util.List;

/**
 * One page of posts, newest first, and the cursor of the next page ({@code before=next}), or null
 * on the last page.
 *
 * @param items the posts, with author and tags
 * @param next  the cursor of the next page, or null
 */
public record PostPage(List<Post> items, Long next) {}
