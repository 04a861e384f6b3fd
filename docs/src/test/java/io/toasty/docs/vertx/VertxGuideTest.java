package io.toasty.docs.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Runs the Vert.x transport example of docs/databases.md on the PostgreSQL server the build runs
 * ({@code -Dtoasty.docs.postgresql} names another), in a schema of its own, and on the MariaDB
 * server ({@code -Dtoasty.docs.mariadb}), in a database of its own.
 */
class VertxGuideTest {
  private static final String SERVER = System.getProperty("toasty.docs.postgresql",
      "vertx:postgresql://postgres@127.0.0.1:5432/test");
  private static final String MARIADB = System.getProperty("toasty.docs.mariadb",
      "vertx:mariadb://root@127.0.0.1:3306/test");

  @Test
  void theGuideRunsAsWrittenOnPostgresql() {
    String schema = "docs_vertx_" + UUID.randomUUID().toString().replace("-", "");
    Db admin = Toasty.builder().models(Notes.MODEL).url(SERVER).build();
    try {
      admin.sql("CREATE SCHEMA " + schema).execute().block();
      Db db = VertxGuide.open(SERVER + "?schema=" + schema);
      try {
        List<Note> notes = VertxGuide.writeAndRead(db, "over Vert.x");
        assertEquals(List.of("over Vert.x"), notes.stream().map(Note::text).toList());
        assertFalse(db.capability().changeStreams(), "this transport does not listen yet");
      } finally {
        db.close().block();
      }
      Db pipelined = VertxGuide.onePerGet(SERVER + "?schema=" + schema);
      try {
        assertEachGetsItsOwn(pipelined);
      } finally {
        pipelined.close().block();
      }
    } finally {
      admin.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute().block();
      admin.close().block();
    }
  }

  /**
   * 300 gets at once of 30 notes, then 300 collected reads by text: each answered with its own
   * note's text (or none).
   */
  private static void assertEachGetsItsOwn(Db db) {
    List<Long> stored = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      stored.add(Notes.create().text("note " + i).exec(db).block().id());
    }
    List<Long> ids = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int k = (i * 7) % stored.size();
      ids.add(stored.get(k));
      expected.add("note " + k);
    }
    assertEquals(expected, VertxGuide.manyGets(db, ids));
    List<String> texts = new ArrayList<>();
    List<List<String>> found = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String text = "note " + (i * 7) % 40; // ten of the forty texts name no note
      texts.add(text);
      found.add((i * 7) % 40 < stored.size() ? List.of(text) : List.of());
    }
    assertEquals(found, VertxGuide.manyLists(db, texts));
  }

  @Test
  void theGuideRunsAsWrittenOnMariadb() {
    String database = "docs_vertx_" + UUID.randomUUID().toString().replace("-", "");
    Db admin = Toasty.builder().models(Notes.MODEL).url(MARIADB).build();
    try {
      admin.sql("CREATE DATABASE " + database).execute().block();
      Db db = VertxGuide.open(MARIADB.substring(0, MARIADB.lastIndexOf('/') + 1) + database);
      try {
        List<Note> notes = VertxGuide.writeAndRead(db, "over Vert.x");
        assertEquals(List.of("over Vert.x"), notes.stream().map(Note::text).toList());
        assertEquals("mariadb", db.capability().backend());
      } finally {
        db.close().block();
      }
    } finally {
      admin.sql("DROP DATABASE IF EXISTS " + database).execute().block();
      admin.close().block();
    }
  }
}
