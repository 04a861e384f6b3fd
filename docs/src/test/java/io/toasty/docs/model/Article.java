package io.toasty.docs.model;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Column;
import io.toasty.annotations.Default;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

// snippet: uuid-key
@Model
@Table("blog_articles")
public record Article(
    @Key @Auto UUID id,                       // a time-ordered UUID (v7), made by the engine
    @Column("headline") String title,         // stored in column "headline"
    @Default("DRAFT") Status status,          // an enum, stored by the constant's name
    Optional<LocalDate> publishedOn) {

  public enum Status { DRAFT, PUBLISHED }
}
// end-snippet
