package io.github.d1java.jdbc.internal;

import io.github.d1java.sqlite.D1SqliteDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Local databases shared by every JDBC connection to the same file or in-memory name, so they share
 * one writer and its lock (no {@code SQLITE_BUSY} between connections of this JVM). A database is
 * opened by the first connection and closed with the last one. Thread-safe.
 */
final class SharedDatabases {

  private static final Map<String, Entry> OPEN = new HashMap<>();

  private static final class Entry {
    final D1SqliteDatabase database;
    int users;

    Entry(D1SqliteDatabase database) {
      this.database = database;
    }
  }

  private SharedDatabases() {}

  static Backend acquire(String key, String description, Supplier<D1SqliteDatabase> opener) {
    Entry e;
    synchronized (OPEN) {
      e = OPEN.get(key);
      if (e == null) {
        e = new Entry(opener.get());
        OPEN.put(key, e);
      }
      e.users++;
    }
    Entry entry = e;
    return new Backend(entry.database, description) {
      @Override
      protected void release() {
        boolean last;
        synchronized (OPEN) {
          last = --entry.users == 0;
          if (last) {
            OPEN.remove(key);
          }
        }
        if (last) {
          entry.database.close();
        }
      }
    };
  }
}
