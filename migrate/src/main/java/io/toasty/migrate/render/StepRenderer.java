package io.toasty.migrate.render;

import io.toasty.migrate.diff.SchemaChange;
import io.toasty.migrate.files.ScriptFormat;
import io.toasty.schema.naming.NamingStrategy;
import java.util.List;

/** Renders changes for one backend: its folder, its file format, the statements of a change. */
public interface StepRenderer {

  /** The backend's folder of migration files. */
  String folder();

  /** How its files are written. */
  ScriptFormat format();

  /**
   * How the backend's {@code Db} names the tables and columns the models did not name, unless
   * the application chooses ({@code Capability.naming}): the changes this renderer gets are
   * named so.
   */
  default NamingStrategy naming() {
    return NamingStrategy.declared();
  }

  /** The statements of {@code change}, in order (none when the backend has nothing to do). */
  List<String> render(SchemaChange change);
}
