package io.toasty.planner;

/**
 * How the plan cache has done since the {@code Db} was built.
 *
 * @param hits   lookups that found a compiled plan for the statement's shape
 * @param misses lookups that compiled a plan (or failed to)
 * @param size   the plans held now
 */
public record PlanCacheStats(long hits, long misses, long size) {}
