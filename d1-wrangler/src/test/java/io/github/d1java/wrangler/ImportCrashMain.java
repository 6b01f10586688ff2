package io.github.d1java.wrangler;

import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The importing JVM of {@link ImportCrashTest}: {@code <database> <sql file> <chunk size>} imports
 * with {@code resume} on, printing {@code started} and then a line per committed chunk.
 */
public final class ImportCrashMain {

  private ImportCrashMain() {}

  /**
   * @param args the database file, the SQL file and the statements per chunk
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    try (D1SqliteDatabase db = D1Sqlite.open(Path.of(args[0]))) {
      out.println("started");
      out.flush();
      ImportOptions options =
          new ImportOptions(Integer.parseInt(args[2]), Long.MAX_VALUE).withResume(true);
      ImportSummary summary =
          SqlImport.run(
              db,
              Path.of(args[1]),
              options,
              (done, total) -> {
                out.println("chunk " + done);
                out.flush();
              });
      out.println("done " + summary.statements());
    }
  }
}
