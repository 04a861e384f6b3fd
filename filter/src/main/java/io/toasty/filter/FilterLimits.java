package io.toasty.filter;

/**
 * Bounds on what a {@link FilterParser} reads from untrusted input, so that a request cannot
 * make the parser, the planner or the database work without limit.
 *
 * @param maxDocumentLength characters of a JSON document (or of all query parameters together)
 * @param maxDepth          nesting of {@code $and}, {@code $or}, {@code $not} and relation
 *                          filters; a flat {@code {"name": "Ann"}} has depth 1
 * @param maxListLength     items of one list ({@code $in}, {@code $or}, a sort)
 * @param maxTerms          operator applications in the whole filter
 * @param maxStringLength   characters of one string value or field name
 * @param maxLimit          the largest page size a request may ask for
 * @param defaultLimit      the page size when the request gives none
 * @param maxOffset         the largest offset a request may ask for
 */
public record FilterLimits(int maxDocumentLength, int maxDepth, int maxListLength, int maxTerms,
    int maxStringLength, long maxLimit, long defaultLimit, long maxOffset) {

  /** Limits that suit a public search endpoint. */
  public static final FilterLimits DEFAULTS =
      new FilterLimits(16_384, 8, 100, 200, 1_000, 1_000, 100, 100_000);

  public FilterLimits {
    if (maxDocumentLength < 2 || maxDepth < 1 || maxListLength < 1 || maxTerms < 1
        || maxStringLength < 1 || maxLimit < 1 || defaultLimit < 0 || defaultLimit > maxLimit
        || maxOffset < 0) {
      throw new IllegalArgumentException("limits out of range: maxDocumentLength >= 2, the others"
          + " >= 1, 0 <= defaultLimit <= maxLimit, maxOffset >= 0");
    }
  }

  /** These limits with another nesting depth. */
  public FilterLimits withMaxDepth(int depth) {
    return new FilterLimits(maxDocumentLength, depth, maxListLength, maxTerms, maxStringLength,
        maxLimit, defaultLimit, maxOffset);
  }

  /** These limits with another list length. */
  public FilterLimits withMaxListLength(int length) {
    return new FilterLimits(maxDocumentLength, maxDepth, length, maxTerms, maxStringLength,
        maxLimit, defaultLimit, maxOffset);
  }

  /** These limits with another page size bound and default. */
  public FilterLimits withPageSize(long max, long byDefault) {
    return new FilterLimits(maxDocumentLength, maxDepth, maxListLength, maxTerms, maxStringLength,
        max, byDefault, maxOffset);
  }
}
