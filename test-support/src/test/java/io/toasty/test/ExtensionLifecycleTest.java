package io.toasty.test;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.toasty.reactive.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Where {@link ToastyExtension} hands out the class's {@code Db}: constructor, lifecycle and
 * test parameters all get the same one; a nested class shares it unless annotated itself.
 */
@ToastyTest(models = Books.class)
class ExtensionLifecycleTest {
  private final Db constructed;
  private Db beforeEach;

  ExtensionLifecycleTest(Db db) {
    constructed = db;
  }

  @BeforeEach
  void remember(Db db) {
    beforeEach = db;
  }

  @Test
  void everyParameterIsTheClasssDb(Db db, TestDatabase database) {
    assertSame(constructed, db);
    assertSame(beforeEach, db);
    assertSame(database.db(), db);
  }

  @Nested
  class WithoutAnnotation {
    @Test
    void usesTheEnclosingClasssDb(Db db) {
      assertSame(constructed, db);
    }
  }

  @Nested
  @ToastyTest(backend = TestBackend.SQLITE, models = Books.class)
  class WithAnnotation {
    @Test
    void hasADbOfItsOwn(Db db) {
      assertNotSame(constructed, db);
    }
  }
}
