package io.toasty.bench.model;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The record every implementation maps {@code users} rows to: Toasty through its generated
 * {@code Users}, Spring Data through its mapping annotations, the raw drivers by hand. An
 * {@code id} of 0 means "not stored yet" (the database assigns one), as Spring Data expects of a
 * primitive id.
 *
 * @param team   {@code (id - 1) % 200}: 100 users per team
 * @param region {@code (id - 1) % 2}: 10,000 users per region
 */
@Model
@Table("users")
public record User(
    @Key @Auto @Id long id,
    String name,
    @Unique String email,
    @Index int team,
    @Index int region,
    int score) {

  /** This user with another id (what an insert hands back). */
  public User withId(long newId) {
    return new User(newId, name, email, team, region, score);
  }
}
