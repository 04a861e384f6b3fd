package io.toasty.migrate.files;

import io.toasty.migrate.MigrationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One backend folder's files made into migrations, wherever they were listed from: the
 * {@code V<n>__<name>} files of the format's extension, each with its undo file
 * {@code U<n>__<name>}, sorted by version; two files of one version are an error.
 */
final class MigrationSet {
  /** A migration file's name: kind (V or U), version, name, extension. */
  static final Pattern FILE = Pattern.compile("([VU])(\\d+)__(\\w+)\\.(\\w+)");

  private MigrationSet() {}

  /**
   * The migrations among {@code names} (file names, no folders).
   *
   * @param text  the text of a named file
   * @param label how a named file is called in messages (its path or URL)
   * @param where how the folder is called in messages
   */
  static List<MigrationFile> of(List<String> names, ScriptFormat format,
      Function<String, String> text, Function<String, String> label, String where) {
    List<MigrationFile> out = new ArrayList<>();
    for (String file : names) {
      Matcher m = FILE.matcher(file);
      if (!m.matches() || !m.group(1).equals("V") || !m.group(4).equals(format.extension())) {
        continue;
      }
      int version = Integer.parseInt(m.group(2));
      String name = m.group(3);
      String undo = "U" + version + "__" + name + "." + format.extension();
      if (!names.contains(undo)) {
        throw new MigrationException("migration " + label.apply(file) + " has no undo file "
            + undo + " beside it", null);
      }
      String up = text.apply(file);
      out.add(new MigrationFile(version, name, format.read(up, label.apply(file)),
          format.read(text.apply(undo), label.apply(undo)), MigrationFile.checksum(up)));
    }
    out.sort(Comparator.comparingInt(MigrationFile::version));
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).version() == out.get(i - 1).version()) {
        throw new MigrationException("two migrations have version " + out.get(i).version()
            + " in " + where + ": " + out.get(i - 1).label() + " and " + out.get(i).label(),
            null);
      }
    }
    return out;
  }
}
