package io.toasty.tck.models;

import io.toasty.annotations.Column;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import io.toasty.annotations.Unique;

/** Renamed table and columns: the model's names never reach SQL, the mapping's do. */
@Model
@Table("legacy_accounts")
public record Account(
    @Key @Column("account_no") long number,
    @Column("display_name") String displayName,
    @Unique @Column("mail") String email,
    @Column("bal") long balance) {}
