package io.toasty.example.techempower;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** The {@code world} table as Spring Data R2DBC maps it: Spring's own annotations. */
@Table("world")
public record SpringWorld(@Id int id, @Column("randomnumber") int randomNumber) {}
