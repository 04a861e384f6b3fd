package io.toasty.bench.store;

import java.util.Arrays;

/**
 * The workloads, in the order of the tables. {@link #method()} is the name of the JMH method that
 * measures it (in {@code ReadBench}, {@code WriteBench} or {@code IncludeBench}).
 */
public enum Workload {
  GET("get", "get by key"),
  FILTER_ONE("filterOne", "filter, 1 row"),
  FILTER_HUNDRED("filterHundred", "filter, 100 rows"),
  FILTER_TEN_THOUSAND("filterTenThousand", "filter, 10,000 rows"),
  FILTER_ONE_FROM_INDEX("filterOneFromIndex", "filter, 1 row, items from the index"),
  FILTER_HUNDRED_FROM_INDEX("filterHundredFromIndex", "filter, 100 rows, items from the index"),
  INSERT_ONE("insertOne", "insert 1 row"),
  INSERT_MANY("insertMany", "insert 10,000 rows"),
  UPDATE_BY_KEY("updateByKey", "update by key"),
  GET_FIVE_SEQUENTIAL("getFiveSequential", "5 key reads, one after another"),
  GET_FIVE_BATCH("getFiveBatch", "5 key reads in one batch"),
  CREATE_ALL("createAll", "createAll / multi-row inserts, 100,000 rows"),
  INCLUDE("include", "include 1,000 parents × 10 children"),
  INCLUDE_CONCURRENT("includeConcurrent",
      "include 1,000 × 10, 64 subscribers at once (pool of 10)"),
  GET_CONCURRENT("getConcurrent", "get by key"),
  FILTER_HUNDRED_CONCURRENT("filterHundredConcurrent", "filter, 100 rows"),
  /**
   * 64 reads of one row by a unique text at once, on a pool of 10: reads that neither coalesce
   * nor pipeline (a text field), so that each takes a connection of its own, as TechEmpower's
   * fortunes does; {@code PairedProbe} only.
   */
  FILTER_ONE_CONCURRENT("filterOneConcurrent", "filter, 1 row by a text, 64 at once"),
  UPDATE_CONCURRENT("updateConcurrent", "update by key");

  private final String method;
  private final String label;

  Workload(String method, String label) {
    this.method = method;
    this.label = label;
  }

  /** The JMH method's name. */
  public String method() {
    return method;
  }

  /** The name in tables. */
  public String label() {
    return label;
  }

  /** Whether the workload loads relations (an include, alone or concurrent). */
  public boolean includes() {
    return this == INCLUDE || this == INCLUDE_CONCURRENT;
  }

  /**
   * Whether it compares Toasty's batches or bulk streams with the raw driver's best, so that an
   * implementation without either (Spring Data R2DBC: no batch, row-by-row saveAll) skips it.
   */
  public boolean batchOnly() {
    return this == GET_FIVE_BATCH || this == CREATE_ALL;
  }

  /**
   * Whether it measures DynamoDB's eventually consistent read of items straight from a global
   * secondary index (an opt-in of Toasty's; the raw client's index Query is that read anyway).
   */
  public boolean fromIndex() {
    return this == FILTER_ONE_FROM_INDEX || this == FILTER_HUNDRED_FROM_INDEX;
  }

  /** Whether the workload writes. */
  public boolean writes() {
    return this == INSERT_ONE || this == INSERT_MANY || this == UPDATE_BY_KEY
        || this == CREATE_ALL || this == UPDATE_CONCURRENT;
  }

  /**
   * Whether it is measured by {@code ConcurrentBench}: many subscribers at once on a pool of 10,
   * reported as throughput and 99th percentile latency rather than time per operation.
   */
  public boolean concurrent() {
    return this == GET_CONCURRENT || this == FILTER_HUNDRED_CONCURRENT
        || this == UPDATE_CONCURRENT;
  }

  /** The workload a JMH method measures. */
  public static Workload ofMethod(String method) {
    return Arrays.stream(values()).filter(w -> w.method.equals(method)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no workload is measured by " + method));
  }
}
