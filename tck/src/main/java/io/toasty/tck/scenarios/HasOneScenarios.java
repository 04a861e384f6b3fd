package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static io.toasty.tck.scenarios.RelationFixtures.author;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.InvalidStatementException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Author;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Bio;
import io.toasty.tck.models.Bios;
import io.toasty.tck.models.Citizen;
import io.toasty.tck.models.Citizens;
import io.toasty.tck.models.Comments;
import io.toasty.tck.models.Passports;
import java.util.Optional;

/** Has-one: optional ({@code Author.bio}) and required ({@code Citizen.passport}). */
@Models({Authors.class, Articles.class, Comments.class, Bios.class, Citizens.class,
    Passports.class})
public abstract class HasOneScenarios {

  @BackendTest
  public void optionalHasOneCrud(Db db) {
    Author ann = author(db, "ann");
    assertEquals(Optional.empty(), await(ann.bio().get(db)));
    Bio bio = await(ann.bio().create(Bios.create()).text("writes").exec(db));
    assertEquals(ann.id(), bio.authorId());
    assertEquals(Optional.of(bio), await(ann.bio().get(db)));
    Author loaded = await(Authors.filterById(ann.id()).include(Authors.BIO).first(db));
    assertEquals(Optional.of(bio), loaded.bio().get());
    Author bob = author(db, "bob");
    Author bobLoaded = await(Authors.filterById(bob.id()).include(Authors.BIO).first(db));
    assertEquals(Optional.empty(), bobLoaded.bio().get());
  }

  @BackendTest
  @Requires(Need.NESTED_CREATE)
  public void requiredHasOneIsCreatedWithItsOwner(Db db, OperationLog log) {
    Citizen c = await(Citizens.create().name("cy")
        .passport(Passports.create().number("P-1")).exec(db));
    Citizen loaded = await(Citizens.filterById(c.id()).include(Citizens.PASSPORT).first(db));
    assertEquals("P-1", loaded.passport().get().number());
    assertEquals(c.id(), loaded.passport().get().citizenId());
  }

  @BackendTest
  public void requiredHasOneMustBeCreated(Db db, OperationLog log) {
    var e = failure(InvalidStatementException.class,
        () -> Citizens.create().name("cy").exec(db));
    assertTrue(e.getMessage().contains("Citizen.passport"), e.getMessage());
    assertEquals(0, log.size());
  }
}
