package io.toasty.sqlite;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.ConnectionFactoryProvider;
import java.util.Objects;

/**
 * The R2DBC driver {@code sqlite}, found by {@code ConnectionFactories.get("r2dbc:sqlite:...")}.
 *
 * <table>
 *   <caption>URL forms</caption>
 *   <tr><th>URL</th><th>database</th></tr>
 *   <tr><td>{@code r2dbc:sqlite:mem:///name} (or {@code r2dbc:sqlite:mem://name})</td>
 *       <td>the shared in-memory database {@code name}: every connection of this JVM to the same
 *       name sees the same data; it lives while at least one connection to it is open
 *       (sqlite-jdbc {@code jdbc:sqlite:file:name?mode=memory&cache=shared})</td></tr>
 *   <tr><td>{@code r2dbc:sqlite:///:memory:} or {@code r2dbc:sqlite:mem:///}</td>
 *       <td>an in-memory database of the connection factory's own, shared by its connections
 *       ({@code r2dbc:sqlite::memory:} is not a URL R2DBC can parse)</td></tr>
 *   <tr><td>{@code r2dbc:sqlite:///relative/path.db}</td><td>a file relative to the working
 *       directory</td></tr>
 *   <tr><td>{@code r2dbc:sqlite:////absolute/path.db}</td><td>a file by absolute path: R2DBC
 *       takes the part after {@code ///} as the database, so an absolute path brings its own
 *       leading slash (the rule SQLAlchemy follows too; {@code "r2dbc:sqlite:///" + 
 *       path.toAbsolutePath()} is always right)</td></tr>
 *   <tr><td>{@code r2dbc:sqlite:file:///...}</td><td>the same as without {@code file:}</td></tr>
 * </table>
 *
 * <p>Options ({@link SqliteOptions}), as query parameters: {@code busyTimeout} (default 5 s, also
 * read from {@code lockWaitTimeout}), {@code journalMode} (files; default {@code WAL}),
 * {@code fetchSize} (default 128). Every connection has {@code PRAGMA foreign_keys = ON}.
 * With {@code ConnectionFactoryOptions} built in code, {@code DATABASE} is the path as given
 * and {@code PROTOCOL} {@code mem} asks for memory.
 */
public final class SqliteConnectionFactoryProvider implements ConnectionFactoryProvider {
  /** The driver name in {@code r2dbc:sqlite:...}. */
  public static final String DRIVER = "sqlite";

  @Override
  public SqliteConnectionFactory create(ConnectionFactoryOptions options) {
    Objects.requireNonNull(options, "options");
    return new SqliteConnectionFactory(options);
  }

  @Override
  public boolean supports(ConnectionFactoryOptions options) {
    Objects.requireNonNull(options, "options");
    return DRIVER.equals(options.getValue(ConnectionFactoryOptions.DRIVER));
  }

  @Override
  public String getDriver() {
    return DRIVER;
  }
}
