package io.toasty.migrate.apply;

import io.toasty.migrate.ChecksumMismatchException;
import io.toasty.migrate.MigrationException;
import io.toasty.migrate.files.MigrationFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an apply or a rollback has to do, decided from the files and the history alone. */
public final class Pending {
  private Pending() {}

  /** A migration to apply, from up step {@code fromStep} (0 unless resuming). */
  public record ToApply(MigrationFile file, int fromStep, boolean resumed) {}

  /** A migration to undo: its last {@code stepsDone} up steps are in effect. */
  public record ToUndo(MigrationFile file, int stepsDone, boolean recorded) {}

  /**
   * The migrations to apply, in version order.
   *
   * @throws ChecksumMismatchException when an applied (or half-applied) file changed
   * @throws MigrationException when the history holds a version no file has
   */
  public static List<ToApply> toApply(List<MigrationFile> files, List<HistoryRow> history) {
    Map<Integer, HistoryRow> rows = byVersion(history);
    Map<Integer, MigrationFile> byVersion = new TreeMap<>();
    files.forEach(f -> byVersion.put(f.version(), f));
    for (HistoryRow row : rows.values()) {
      MigrationFile file = byVersion.get(row.version());
      if (file == null) {
        throw new MigrationException("the database's history holds migration V" + row.version()
            + "__" + row.name() + ", which is not among the migration files", null);
      }
      if (!file.checksum().equals(row.checksum())) {
        throw new ChecksumMismatchException(row.version(), row.name(), row.checksum(),
            file.checksum());
      }
    }
    List<ToApply> out = new ArrayList<>();
    for (MigrationFile file : byVersion.values()) {
      HistoryRow row = rows.get(file.version());
      if (row == null) {
        out.add(new ToApply(file, 0, false));
      } else if (!row.complete()) {
        out.add(new ToApply(file, row.stepsDone(), true));
      }
    }
    return out;
  }

  /** The migrations above {@code target} to undo, newest first. */
  public static List<ToUndo> toUndo(List<MigrationFile> files, List<HistoryRow> history,
      int target) {
    toApply(files, history); // the same checks: an edited file would undo the wrong thing
    Map<Integer, HistoryRow> rows = byVersion(history);
    List<ToUndo> out = new ArrayList<>();
    for (int i = files.size() - 1; i >= 0; i--) {
      MigrationFile file = files.get(i);
      HistoryRow row = rows.get(file.version());
      if (file.version() > target && row != null) {
        out.add(new ToUndo(file, row.complete() ? file.up().size() : row.stepsDone(), true));
      }
    }
    return out;
  }

  private static Map<Integer, HistoryRow> byVersion(List<HistoryRow> history) {
    Map<Integer, HistoryRow> rows = new TreeMap<>();
    history.forEach(r -> rows.put(r.version(), r));
    return rows;
  }
}
