package io.toasty;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One page of records, as {@link PageQuery#collect} and {@link OffsetPageQuery#collect} return
 * it: the records in the query's order, whether records come before and after them, and for a
 * keyset page the opaque cursors to reach those ({@link PageQuery#after}, {@link
 * PageQuery#before}).
 *
 * <pre>{@code
 * Page<Post> page = Posts.all().orderBy(Posts.CREATED_AT.desc()).paginate(20)
 *     .after(cursorFromTheClient).collect(db).block();
 * page.next().ifPresent(c -> link("/posts?after=" + c));
 * }</pre>
 *
 * @param <M> the model's record type
 */
public final class Page<M> {
  private final List<M> items;
  private final boolean hasNext;
  private final boolean hasPrevious;
  private final @Nullable String next;
  private final @Nullable String previous;
  private final @Nullable Long total;

  Page(List<M> items, boolean hasNext, boolean hasPrevious, @Nullable String next,
      @Nullable String previous, @Nullable Long total) {
    this.items = List.copyOf(Objects.requireNonNull(items, "items"));
    this.hasNext = hasNext;
    this.hasPrevious = hasPrevious;
    this.next = next;
    this.previous = previous;
    this.total = total;
  }

  /** The page's records, in the query's order. */
  public List<M> items() {
    return items;
  }

  /** Whether records follow this page. */
  public boolean hasNext() {
    return hasNext;
  }

  /**
   * Whether records may precede this page: a page reached through a cursor says so without
   * checking (the record at the cursor may since have been deleted).
   */
  public boolean hasPrevious() {
    return hasPrevious;
  }

  /** The cursor of the following page, for {@link PageQuery#after}; empty at the end. */
  public Optional<String> next() {
    return Optional.ofNullable(next);
  }

  /** The cursor of the preceding page, for {@link PageQuery#before}; empty at the start. */
  public Optional<String> previous() {
    return Optional.ofNullable(previous);
  }

  /** How many records the query matches in all, when the page was asked to count them. */
  public OptionalLong total() {
    return total == null ? OptionalLong.empty() : OptionalLong.of(total);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Page<?> p && items.equals(p.items) && hasNext == p.hasNext
        && hasPrevious == p.hasPrevious && Objects.equals(next, p.next)
        && Objects.equals(previous, p.previous) && Objects.equals(total, p.total);
  }

  @Override
  public int hashCode() {
    return Objects.hash(items, hasNext, hasPrevious, next, previous, total);
  }

  @Override
  public String toString() {
    return "Page[" + items.size() + " items, next=" + next + ", previous=" + previous
        + (total == null ? "" : ", total=" + total) + "]";
  }
}
