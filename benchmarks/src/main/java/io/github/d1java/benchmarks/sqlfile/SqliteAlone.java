package io.github.d1java.benchmarks.sqlfile;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQLite's own share of an import: runs a one-statement-per-line dump (what {@link RealisticDump}
 * writes) on plain sqlite-jdbc, the engine's SQLite build, with the pragmas given, in transactions
 * of N statements, each one {@code sqlite3_exec} script, and prints the wall time and the thread's
 * CPU time of the SQLite work alone (the file is read into memory first). No D1 rule is checked: it
 * is the floor under {@code d1 execute --file} (see README-sqlfile.md, "Where the remaining time
 * goes").
 *
 * <p>Arguments: the dump, the database file to create (replaced), statements per transaction, and
 * optionally pragmas separated by {@code ;} (for the engine's: {@code "PRAGMA
 * journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON"}). Lines starting with {@code
 * BEGIN}, {@code COMMIT} or {@code PRAGMA} are left out, as the importer leaves out the dump's
 * transaction.
 */
public final class SqliteAlone {

  private SqliteAlone() {}

  /**
   * @param args dump, database, statements per transaction, pragmas
   * @throws Exception if reading or SQLite fails
   */
  public static void main(String[] args) throws Exception {
    Path dump = Path.of(args[0]);
    Path db = Path.of(args[1]);
    int chunk = Integer.parseInt(args[2]);
    String pragmas = args.length > 3 ? args[3] : "";
    List<String> statements = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.startsWith("BEGIN") && !line.startsWith("COMMIT") && !line.startsWith("PRAGMA")) {
          statements.add(line);
        }
      }
    }
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      Files.deleteIfExists(Path.of(db + suffix));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long wall = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      for (String pragma : pragmas.split(";")) {
        if (!pragma.isBlank()) {
          s.execute(pragma);
        }
      }
      for (int i = 0; i < statements.size(); i += chunk) {
        StringBuilder script = new StringBuilder("\nBEGIN IMMEDIATE;\n");
        for (int k = i; k < Math.min(statements.size(), i + chunk); k++) {
          script.append(statements.get(k)).append('\n');
        }
        s.executeUpdate(script.append("COMMIT;\n").toString());
      }
    } catch (SQLException e) {
      System.err.println("failed: " + e.getMessage());
      System.exit(1);
    }
    System.out.printf(
        Locale.ROOT,
        "%d statements, %d per transaction, %s: wall %.2f s, thread CPU %.2f s%n",
        statements.size(),
        chunk,
        pragmas.isBlank() ? "default pragmas" : pragmas,
        (System.nanoTime() - wall) / 1e9,
        (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
  }
}
