package io.github.d1java.examples;

// snippet:start local-engine
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.nio.file.Path;
import java.time.Duration;

public final class LocalEngineExample {

  static void open(Path dir) {
    D1SqliteDatabase db = D1Sqlite.open(dir.resolve("app.db")); // WAL file, created if missing
    D1SqliteDatabase mem = D1Sqlite.inMemory(); // private in-memory database
    D1SqliteDatabase copy = D1Sqlite.fromImage(db.dump()); // in-memory copy of a file image
    D1SqliteDatabase tuned =
        D1Sqlite.builder()
            .file(dir.resolve("tuned.db"))
            .readers(4)
            .busyTimeout(Duration.ofSeconds(10))
            .maxValueLength(4 * 1024 * 1024)
            .build();
    for (D1SqliteDatabase d : new D1SqliteDatabase[] {tuned, copy, mem, db}) {
      d.close();
    }
  }
}
// snippet:end local-engine
