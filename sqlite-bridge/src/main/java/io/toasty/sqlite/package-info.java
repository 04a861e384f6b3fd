/**
 * An R2DBC driver for SQLite over sqlite-jdbc, in which no caller's thread ever blocks.
 *
 * <p><b>URLs.</b> {@code r2dbc:sqlite:mem:///name} (a shared in-memory database that lives while
 * a connection to it is open), {@code r2dbc:sqlite:///:memory:} (one of the factory's own),
 * {@code r2dbc:sqlite:///relative.db}, {@code r2dbc:sqlite:////absolute/path.db}; options
 * {@code busyTimeout}, {@code journalMode}, {@code fetchSize}. See
 * {@link io.toasty.sqlite.SqliteConnectionFactoryProvider}.
 *
 * <p><b>Threads.</b> Each database (a file's absolute path, or an in-memory name) has one bridge
 * thread, a daemon named {@code toasty-sqlite-N-name}, on which every JDBC call touching its
 * connections runs, one at a time, in the order asked: opening, statements, each batch of rows,
 * BEGIN/COMMIT/ROLLBACK, closing. Reads share it with writes: SQLite serializes writers anyway,
 * one thread means there is never a second thread inside the same database, and a query's rows
 * are read in batches of at most {@code fetchSize}, so a long read does not hold the thread
 * while other connections wait. Callers' code never runs there: every result, row and
 * completion is handed to {@code Schedulers.parallel()}. The thread stops when the database's
 * last connection closes.
 *
 * <p><b>Locks.</b> SQLite's own busy handler would sleep on the bridge thread, so it is off
 * ({@code busy_timeout = 0}). Instead a read-write transaction, and a write outside one, first
 * takes the database's single write permit, waiting for it without a thread; and a step that
 * still meets a lock ({@code SQLITE_BUSY}, {@code SQLITE_LOCKED}: another process, or an open
 * reader in the shared cache) is tried again after a short pause, off the thread, until
 * {@code busyTimeout} has passed; then it fails with
 * {@link io.r2dbc.spi.R2dbcTransientResourceException}.
 *
 * <p><b>Types.</b> Bound values are stored as INTEGER, REAL, TEXT or BLOB as
 * {@code ValueEncoder} lists (UUID as 16 bytes, BigDecimal as exact text, java.time as ISO-8601
 * text); {@code Row.get(i)} returns {@code Long}, {@code Double}, {@code String},
 * {@code byte[]} or {@code null}, and {@code Row.get(i, Class)} converts as
 * {@code ValueDecoder} lists, refusing what does not fit.
 *
 * <p><b>Errors.</b> SQLite's errors become R2DBC exceptions with SQLSTATEs (23505 for a unique
 * or primary key violation, 23503 foreign key, 23502 not null, 42000 syntax) and SQLite's own
 * message ({@code UNIQUE constraint failed: users.email}); see {@code SqliteExceptions}.
 */
@NullMarked
package io.toasty.sqlite;

import org.jspecify.annotations.NullMarked;
