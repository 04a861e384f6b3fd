package io.toasty.internal;

/**
 * The check of a page's size, shared by the pages an application asks for ({@code PageQuery},
 * {@code OffsetPageQuery}) and the keyset windows an executor reads ({@link KeysetWindows}).
 */
public final class PageSize {
  private PageSize() {}

  /** {@code size}, if a page may hold that many records. */
  public static int check(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a page holds at least one record, was " + size);
    }
    return size;
  }
}
