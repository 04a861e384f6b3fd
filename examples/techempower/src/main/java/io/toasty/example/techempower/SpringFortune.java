package io.toasty.example.techempower;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The {@code fortune} table as Spring Data R2DBC maps it. */
@Table("fortune")
public record SpringFortune(@Id int id, String message) {}
