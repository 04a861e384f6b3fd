package io.toasty.tck.models;

import io.toasty.annotations.Column;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/**
 * A column whose name has 71 characters: longer than PostgreSQL (63 bytes) and MySQL/MariaDB (64)
 * accept, within H2's and SQLite's limits. Not among {@link TckModels#all()}.
 */
@Model
public record LongColumnName(
    @Key long id,
    @Column("a_column_name_of_seventy_characters_that_some_databases_would_cut_short") String value) {}
