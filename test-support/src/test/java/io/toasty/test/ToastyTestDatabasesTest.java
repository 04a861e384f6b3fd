package io.toasty.test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What opening and closing a test database does beyond handing out a {@code Db}. */
class ToastyTestDatabasesTest {

  @Test
  void closingASqliteDatabaseDeletesItsFile() {
    TestDatabase database = ToastyTestDatabases.open(TestBackend.SQLITE, Books.MODEL);
    Path file = Path.of(System.getProperty("java.io.tmpdir"), database.name() + ".db");
    assertTrue(Files.exists(file), file + " while open");
    database.close();
    assertFalse(Files.exists(file), file + " after close");
  }

  @Test
  void aMissingArtifactIsNamed() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> MissingDependency.require(TestBackend.NEO4J, "org.example.Absent",
            "org.example:absent"));
    assertTrue(e.getMessage().contains("org.example:absent"), e.getMessage());
    assertTrue(e.getMessage().contains("NEO4J"), e.getMessage());
  }

  @Test
  void aModelsEntryWithoutModelFieldIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelClasses.definitions(new Class<?>[] {Book.class}));
    assertTrue(e.getMessage().contains("Book.class"), e.getMessage());
  }
}
