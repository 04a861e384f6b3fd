package io.toasty.migrate.apply;

import io.toasty.migrate.files.MigrationFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Where a database stands against a folder of migrations: every version either side knows, with
 * its state. Unlike {@code apply}, reading it never stops at a checksum mismatch: it reports it.
 *
 * @param migrations by version
 */
public record MigrationStatus(List<Entry> migrations) {

  /** The state of one version. */
  public enum State {
    /** Applied whole, its file unchanged. */
    APPLIED,
    /** In the folder, not applied. */
    PENDING,
    /** Some of its steps are in effect (a failed or interrupted run on a database without
     *  transactional DDL): the next apply resumes it. */
    PARTIAL,
    /** Applied (whole or in part), but its file changed since: apply refuses to run. */
    CHECKSUM_MISMATCH,
    /** In the history but no file has it: a file was removed, or the folder is not this
     *  database's. */
    MISSING_FILE
  }

  /**
   * One version.
   *
   * @param steps     the up steps of its file (0 when there is none)
   * @param stepsDone the steps in effect per the history (0 when not applied)
   */
  public record Entry(int version, String name, State state, int stepsDone, int steps) {
    /** {@code V3__add_user_nickname}. */
    public String label() {
      return "V" + version + "__" + name;
    }
  }

  public MigrationStatus {
    migrations = List.copyOf(migrations);
  }

  /** The status of {@code files} against the {@code history} rows. */
  public static MigrationStatus of(List<MigrationFile> files, List<HistoryRow> history) {
    Map<Integer, MigrationFile> byVersion = new TreeMap<>();
    files.forEach(f -> byVersion.put(f.version(), f));
    Map<Integer, HistoryRow> rows = new TreeMap<>();
    history.forEach(r -> rows.put(r.version(), r));
    TreeMap<Integer, Entry> out = new TreeMap<>();
    byVersion.forEach((v, f) -> out.put(v, entry(f, rows.get(v))));
    rows.forEach((v, r) -> out.computeIfAbsent(v, k -> new Entry(v, r.name(),
        State.MISSING_FILE, r.complete() ? 0 : r.stepsDone(), 0)));
    return new MigrationStatus(new ArrayList<>(out.values()));
  }

  private static Entry entry(MigrationFile file, @Nullable HistoryRow row) {
    int steps = file.up().size();
    if (row == null) {
      return new Entry(file.version(), file.name(), State.PENDING, 0, steps);
    }
    int done = row.complete() ? steps : row.stepsDone();
    State state = !row.checksum().equals(file.checksum()) ? State.CHECKSUM_MISMATCH
        : row.complete() ? State.APPLIED : State.PARTIAL;
    return new Entry(file.version(), file.name(), state, done, steps);
  }

  /** The versions in {@code state}. */
  public List<Entry> in(State state) {
    return migrations.stream().filter(e -> e.state() == state).toList();
  }

  /** Whether anything is left to apply (pending or partial). */
  public boolean hasPending() {
    return !in(State.PENDING).isEmpty() || !in(State.PARTIAL).isEmpty();
  }

  /** Whether the history disagrees with the files (an edited or a missing file). */
  public boolean hasMismatch() {
    return !in(State.CHECKSUM_MISMATCH).isEmpty() || !in(State.MISSING_FILE).isEmpty();
  }

  /** The highest version applied whole, 0 when none. */
  public int current() {
    return in(State.APPLIED).stream().mapToInt(Entry::version).max().orElse(0);
  }
}
