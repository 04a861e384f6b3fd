package io.toasty.tck.models;

import io.toasty.annotations.Column;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;

/** A table and columns named after SQL keywords: every identifier must be quoted. */
@Model(entry = "ReservedWordsRows")
@Table("order")
public record ReservedWords(
    @Key @Column("select") long id,
    @Index @Column("group") String group,
    @Column("from") int position) {}
