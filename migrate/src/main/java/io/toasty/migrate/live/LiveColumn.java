package io.toasty.migrate.live;

/** A column as the database describes it: its type in the database's own words. */
public record LiveColumn(String name, String type, boolean nullable) {}
