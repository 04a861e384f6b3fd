package io.toasty.sqlite;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What every connection to one database shares: the bridge thread and the write permit. One
 * instance per database {@linkplain SqliteConfiguration#key() key} lives while a connection to
 * it is open or opening; the last one to close stops the thread.
 */
final class Database {
  private static final ConcurrentHashMap<String, Database> OPEN = new ConcurrentHashMap<>();

  private final String key;
  private final BridgeWorker worker;
  private final WriteLock writeLock = new WriteLock();
  /** Guarded by the map entry (only changed inside {@code compute}). */
  private int references;

  private Database(String key) {
    this.key = key;
    this.worker = new BridgeWorker(shortName(key));
  }

  /** The shared parts of {@code key}'s database, counting one more user. */
  static Database acquire(String key) {
    return OPEN.compute(key, (k, existing) -> {
      Database database = existing == null ? new Database(k) : existing;
      database.references++;
      return database;
    });
  }

  /** Counts one user less; the last one stops the thread once its queued tasks have run. */
  void release() {
    boolean[] last = new boolean[1];
    OPEN.computeIfPresent(key, (k, database) -> {
      if (database != this) {
        return database;
      }
      if (--references == 0) {
        last[0] = true;
        return null;
      }
      return this;
    });
    if (last[0]) {
      worker.shutdown();
    }
  }

  BridgeWorker worker() {
    return worker;
  }

  WriteLock writeLock() {
    return writeLock;
  }

  private static String shortName(String key) {
    int slash = key.lastIndexOf('/');
    String name = slash >= 0 ? key.substring(slash + 1) : key;
    return name.length() > 40 ? name.substring(0, 40) : name;
  }
}
