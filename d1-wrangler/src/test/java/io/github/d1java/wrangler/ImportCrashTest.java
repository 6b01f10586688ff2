package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the importing JVM with SIGKILL at several moments, resumes each time, and compares the
 * result with a clean import: no duplicate and no missing row.
 */
class ImportCrashTest {

  private static final int ROWS = 6_000;
  private static final int CHUNK = 250;

  @TempDir Path dir;

  private Path dump() throws IOException {
    StringBuilder sql = new StringBuilder("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n");
    sql.append("CREATE TABLE author(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);\n");
    sql.append(
        "CREATE TABLE book(id INTEGER PRIMARY KEY, author INTEGER REFERENCES author(id),"
            + " title TEXT, cover BLOB);\n");
    sql.append("CREATE TABLE log(line TEXT);\n");
    for (int i = 1; i <= ROWS; i++) {
      sql.append("INSERT INTO author VALUES(")
          .append(i)
          .append(",'author ")
          .append(i)
          .append("');\n");
      sql.append("INSERT INTO book VALUES(")
          .append(i)
          .append(',')
          .append(i)
          .append(",'it''s book ")
          .append(i)
          .append("',X'")
          .append(String.format("%08x", i))
          .append("');\n");
      // no key: a repeated chunk would duplicate these rows
      sql.append("INSERT INTO log VALUES('row ").append(i).append("');\n");
    }
    sql.append("CREATE INDEX book_title ON book(title);\nCOMMIT;\n");
    Path file = dir.resolve("dump.sql");
    Files.writeString(file, sql);
    return file;
  }

  private static String export(Path database) {
    try (D1SqliteDatabase db = D1Sqlite.open(database)) {
      StringWriter out = new StringWriter();
      SqlExport.export(db, out, ExportOptions.ALL, SqlProgress.NONE);
      return out.toString();
    }
  }

  /**
   * Runs the importing JVM; with {@code killAfter} >= 0 kills it after that many chunk lines.
   *
   * @return the lines it printed
   */
  private List<String> importer(Path database, Path file, int killAfter) throws Exception {
    String java = ChildJvm.java();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                ChildJvm.classPath(ImportCrashMain.class),
                ImportCrashMain.class.getName(),
                database.toString(),
                file.toString(),
                String.valueOf(CHUNK))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      int chunks = 0;
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
        if (line.startsWith("chunk ")) {
          chunks++;
        }
        if (killAfter >= 0 && (chunks == killAfter && (killAfter > 0 || line.equals("started")))) {
          p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
          break;
        }
      }
    }
    // a guard against a hung child, not a speed assertion
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    if (killAfter >= 0) {
      assertThat(p.exitValue()).as("killed, not finished: %s", lines).isNotZero();
      assertThat(lines).noneMatch(l -> l.startsWith("done"));
    } else {
      assertThat(p.exitValue()).as("%s", lines).isZero();
    }
    return lines;
  }

  @Test
  void killedAtSeveralMomentsAndResumedEachTimeEqualsACleanImport() throws Exception {
    Path file = dump();
    Path clean = dir.resolve("clean.sqlite");
    importer(clean, file, -1);
    Path database = dir.resolve("crashed.sqlite");

    // right after start (before any commit), then after 1, 3 and 7 further chunks of each run
    for (int killAfter : new int[] {0, 1, 3, 7, 2}) {
      importer(database, file, killAfter);
    }
    List<String> last = importer(database, file, -1);

    long total = 3L * ROWS + 4;
    long resumedAt = total - Long.parseLong(last.get(last.size() - 1).substring(5));
    assertThat(resumedAt).as("statements committed before the last run").isGreaterThan(0);
    assertThat(SqlImport.progressFile(database)).doesNotExist();
    assertThat(export(database)).isEqualTo(export(clean));
  }
}
