package io.toasty.example.blog.bench;

import static org.springframework.data.relational.core.query.Criteria.where;

import io.toasty.example.blog.bench.BaselineTables.PostRow;
import io.toasty.example.blog.bench.BaselineTables.TagRow;
import io.toasty.example.blog.bench.BaselineTables.TaggingRow;
import io.toasty.example.blog.bench.BaselineTables.UserRow;
import io.toasty.example.blog.bench.BaselineViews.AuthorView;
import io.toasty.example.blog.bench.BaselineViews.PageView;
import io.toasty.example.blog.bench.BaselineViews.PostView;
import io.toasty.example.blog.bench.BaselineViews.TagView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The blog's {@code GET /posts} as a Spring Data R2DBC user writes it, for the benchmark: a page
 * of posts by keyset (the id), then the authors, the taggings and the tags, each by one
 * {@code IN} query, stitched together by hand. Four queries per page, as Toasty's plan does.
 */
@RestController
public class BaselinePosts {
  private final R2dbcEntityTemplate template;

  /** The endpoint over the application's connection factory. */
  public BaselinePosts(R2dbcEntityTemplate template) {
    this.template = template;
  }

  /** A page of {@code size} posts, newest first, after the post {@code after} if given. */
  @GetMapping("/baseline/posts")
  public Mono<PageView> posts(@RequestParam(required = false) Long after,
      @RequestParam(defaultValue = "20") int size) {
    Criteria older = after == null ? Criteria.empty() : where("id").lessThan(after);
    return template.select(PostRow.class)
        .matching(Query.query(older).sort(Sort.by(Sort.Order.desc("id"))).limit(size + 1))
        .all().collectList()
        .flatMap(rows -> {
          List<PostRow> page = rows.size() > size ? rows.subList(0, size) : rows;
          String next = rows.size() > size ? String.valueOf(page.get(size - 1).id()) : null;
          return assemble(page).map(items -> new PageView(items, next));
        });
  }

  private Mono<List<PostView>> assemble(List<PostRow> posts) {
    if (posts.isEmpty()) {
      return Mono.just(List.of());
    }
    Set<Long> authorIds = posts.stream().map(PostRow::authorId).collect(Collectors.toSet());
    List<Long> postIds = posts.stream().map(PostRow::id).toList();
    Mono<Map<Long, UserRow>> authors = byIds(UserRow.class, authorIds)
        .collectMap(UserRow::id, Function.identity());
    Mono<Map<Long, List<TagView>>> tags = template.select(TaggingRow.class)
        .matching(Query.query(where("postId").in(postIds))).all().collectList()
        .flatMap(this::tagsByPost);
    return Mono.zip(authors, tags).map(both -> {
      List<PostView> views = new ArrayList<>(posts.size());
      for (PostRow p : posts) {
        UserRow a = both.getT1().get(p.authorId());
        views.add(new PostView(p.id(), p.authorId(),
            a == null ? null : new AuthorView(a.id(), a.name(), a.email()),
            p.title(), p.body(), p.published(), both.getT2().getOrDefault(p.id(), List.of())));
      }
      return views;
    });
  }

  private Mono<Map<Long, List<TagView>>> tagsByPost(List<TaggingRow> taggings) {
    Set<Long> tagIds = taggings.stream().map(TaggingRow::tagId).collect(Collectors.toSet());
    return byIds(TagRow.class, tagIds).collectMap(TagRow::id, Function.identity())
        .map(tags -> taggings.stream()
            .sorted(Comparator.comparingLong(TaggingRow::id))
            .filter(t -> tags.containsKey(t.tagId()))
            .collect(Collectors.groupingBy(TaggingRow::postId, Collectors.mapping(
                t -> new TagView(t.tagId(), tags.get(t.tagId()).label()), Collectors.toList()))));
  }

  private <T> Flux<T> byIds(Class<T> type, Set<Long> ids) {
    return ids.isEmpty() ? Flux.empty()
        : template.select(type).matching(Query.query(where("id").in(ids))).all();
  }
}
