package io.toasty.migrate.apply;

import io.toasty.migrate.files.MigrationFile;
import java.util.List;
import reactor.core.publisher.Mono;

/** Applies and rolls back one backend's migration files, under its lock, step by step. */
public interface MigrationRuns {

  /** Applies the pending {@code files} up to {@code target}; the versions applied. */
  Mono<List<Integer>> apply(List<MigrationFile> files, int target, StepRunner steps);

  /** Rolls back the migrations above {@code target}, newest first; the versions undone. */
  Mono<List<Integer>> rollback(List<MigrationFile> files, int target, StepRunner steps);
}
