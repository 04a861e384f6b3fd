package io.toasty.migrate.files;

import java.util.List;

/** How one backend's migration files are written and read: SQL scripts, or DynamoDB JSON. */
public interface ScriptFormat {

  /** The file extension, without the dot: {@code sql}, {@code json}. */
  String extension();

  /** The text of a file holding {@code steps}. */
  String write(String header, List<Step> steps);

  /** The steps in {@code text}; {@code source} names the file in errors. */
  List<Step> read(String text, String source);

  /** SQL scripts ({@link SqlScript}). */
  ScriptFormat SQL = new ScriptFormat() {
    @Override public String extension() { return "sql"; }
    @Override public String write(String header, List<Step> steps) {
      return SqlScript.write(header, steps);
    }
    @Override public List<Step> read(String text, String source) {
      return SqlScript.read(text, source);
    }
  };
}
