package io.toasty.codegen.samples;

import io.toasty.annotations.Column;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import io.toasty.annotations.Unique;

/** An entry class, table, columns and an index renamed. */
@Model(entry = "People")
@Table("persons")
public record Person(
    @Key @Column("person_id") long id,
    @Column("full_name") String name,
    @Index(name = "persons_by_city") String city,
    @Unique @Column("mail") String email) {}
