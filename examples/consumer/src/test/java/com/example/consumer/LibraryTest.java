package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.reactive.Db;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryTest {
  @Test
  void queriesH2InMemory() {
    assertEquals(List.of("Anathem", "Neuromancer"), titlesSince("r2dbc:h2:mem:///consumer", 1980));
  }

  @Test
  void queriesSqliteInATemporaryFile(@TempDir Path dir) {
    String url = "r2dbc:sqlite:///" + dir.resolve("consumer.db");
    assertEquals(List.of("Anathem"), titlesSince(url, 2000));
  }

  private static List<String> titlesSince(String url, int year) {
    Db db = Library.open(url).block();
    try {
      return Library.titlesSince(db, year).block();
    } finally {
      db.close().block();
    }
  }
}
