package io.toasty.migrate.apply;

/**
 * A row of the history table: a migration applied ({@code complete}), or being applied or rolled
 * back step by step on a backend without transactional DDL ({@code stepsDone} of its up steps
 * are in effect).
 */
public record HistoryRow(int version, String name, String checksum, int stepsDone,
    boolean complete) {}
