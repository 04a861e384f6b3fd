package io.toasty.spring;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class that runs on a database of its own, made before its first test and dropped after
 * its last: an H2 database, a PostgreSQL schema or a MariaDB database with a random name
 * ({@link Backend#create}). Its tests share it, so each writes records no other test reads. One
 * subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContract {
  private String name;
  private String url;

  abstract Backend backend();

  /** The database's R2DBC URL, for {@code spring.r2dbc.url} or {@code toasty.url}. */
  final String url() {
    return url;
  }

  @BeforeAll
  final void createDatabase() {
    name = Backend.randomName();
    url = backend().create(name);
  }

  @AfterAll
  final void dropDatabase() {
    backend().drop(name);
  }
}
