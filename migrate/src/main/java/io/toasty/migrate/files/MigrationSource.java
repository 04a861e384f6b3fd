package io.toasty.migrate.files;

import java.util.List;

/**
 * Where a {@code Migrator} reads its migrations from: a folder ({@link MigrationDirectory}) or
 * the class path ({@link ClasspathMigrations}), each holding a sub-folder per backend
 * ({@code postgresql/}, {@code mariadb/}, {@code h2/}, {@code sqlite/}, {@code dynamodb/}).
 */
public interface MigrationSource {

  /**
   * One backend's migrations, by version; an undo file is required beside every up file.
   *
   * @throws io.toasty.migrate.MigrationException when a file cannot be read, has no undo file,
   *     or shares its version with another
   */
  List<MigrationFile> migrations(String folder, ScriptFormat format);

  /** Where the migrations are, for messages: a path, or {@code classpath:db/migration}. */
  String location();
}
