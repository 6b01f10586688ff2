package io.github.d1java.benchmarks.sqlfile;

import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import io.github.d1java.wrangler.ExportOptions;
import io.github.d1java.wrangler.ImportOptions;
import io.github.d1java.wrangler.ImportSummary;
import io.github.d1java.wrangler.SqlExport;
import io.github.d1java.wrangler.SqlImport;
import io.github.d1java.wrangler.SqlProgress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Import and export of large SQL files: d1-wrangler against the {@code sqlite3} shell on the same
 * file, with the JVM's peak heap. One shot per size (file-sized work, not a JMH microbenchmark).
 *
 * <pre>
 * java -Xmx256m -cp benchmarks/target/classes:$(cat cp.txt) \
 *   io.github.d1java.benchmarks.sqlfile.SqlFileBenchmark /tmp/sqlbench 10 100
 * </pre>
 *
 * Arguments: a work folder, then sizes in MB. Needs {@code sqlite3} on PATH for the comparison.
 */
public final class SqlFileBenchmark {

  private SqlFileBenchmark() {}

  /**
   * @param args work folder, then dump sizes in MB
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    Path work = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/sqlbench"));
    System.out.printf(
        Locale.ROOT, "%-8s %-22s %10s %12s %10s%n", "size", "task", "seconds", "MB/s", "peak heap");
    for (int i = 1; i < Math.max(args.length, 2); i++) {
      int mb = args.length > 1 ? Integer.parseInt(args[i]) : 10;
      Path dump = work.resolve("dump-" + mb + "mb.sql");
      long statements = generate(dump, mb * 1_000_000L);
      double size = Files.size(dump) / 1e6;

      Path javaDb = work.resolve("java-" + mb + ".sqlite");
      deleteDb(javaDb);
      resetPeaks();
      long t0 = System.nanoTime();
      ImportSummary summary;
      try (D1SqliteDatabase db = D1Sqlite.open(javaDb)) {
        summary = SqlImport.run(db, dump, ImportOptions.DEFAULTS, SqlProgress.NONE);
      }
      report(mb, "import d1-wrangler", t0, size, peakHeap());
      if (summary.statements() != statements) {
        throw new IllegalStateException("imported " + summary.statements() + " of " + statements);
      }

      Path directDb = work.resolve("direct-" + mb + ".sqlite");
      deleteDb(directDb);
      resetPeaks();
      t0 = System.nanoTime();
      try (D1SqliteDatabase db = D1Sqlite.open(directDb)) {
        SqlImport.run(db, dump, ImportOptions.DEFAULTS.withDirect(true), SqlProgress.NONE);
      }
      report(mb, "import --direct", t0, size, peakHeap());

      Path shellDb = work.resolve("sqlite3-" + mb + ".sqlite");
      deleteDb(shellDb);
      t0 = System.nanoTime();
      shell(List.of("sqlite3", shellDb.toString()), dump, null);
      report(mb, "import sqlite3 shell", t0, size, -1);

      Path javaOut = work.resolve("export-java-" + mb + ".sql");
      resetPeaks();
      t0 = System.nanoTime();
      try (D1SqliteDatabase db = D1Sqlite.open(javaDb)) {
        SqlExport.export(db, javaOut, ExportOptions.ALL, SqlProgress.NONE);
      }
      report(mb, "export d1-wrangler", t0, Files.size(javaOut) / 1e6, peakHeap());

      Path shellOut = work.resolve("export-sqlite3-" + mb + ".sql");
      t0 = System.nanoTime();
      shell(List.of("sqlite3", shellDb.toString(), ".dump"), null, shellOut);
      report(mb, "export sqlite3 .dump", t0, Files.size(shellOut) / 1e6, -1);
    }
  }

  /**
   * Writes a {@code sqlite3 .dump}-style file of about {@code bytes} bytes; returns its statements
   * after transaction stripping.
   */
  static long generate(Path file, long bytes) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    long statements = 2;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n");
      w.write(
          "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL, qty INTEGER, data BLOB);\n");
      long written = 120;
      StringBuilder sb = new StringBuilder(256);
      for (long id = 1; written < bytes; id++) {
        sb.setLength(0);
        sb.append("INSERT INTO items VALUES(")
            .append(id)
            .append(",'item ")
            .append(id)
            .append(" it''s; fine',")
            .append(random.nextInt(100_000) / 100.0)
            .append(',')
            .append(random.nextLong())
            .append(",X'");
        for (int i = 0; i < 16; i++) {
          sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        sb.append("');\n");
        w.write(sb.toString());
        written += sb.length();
        statements++;
      }
      w.write("CREATE INDEX items_name ON items(name);\nCOMMIT;\n");
      statements++;
    }
    return statements;
  }

  private static void shell(List<String> command, Path stdin, Path stdout) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    if (stdin != null) {
      pb.redirectInput(stdin.toFile());
    }
    pb.redirectOutput(
        stdout != null
            ? ProcessBuilder.Redirect.to(stdout.toFile())
            : ProcessBuilder.Redirect.DISCARD);
    int code = pb.start().waitFor();
    if (code != 0) {
      throw new IllegalStateException(command + " exited with " + code);
    }
  }

  private static void deleteDb(Path db) throws IOException {
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      Files.deleteIfExists(Path.of(db + suffix));
    }
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static void report(int mb, String task, long t0, double sizeMb, long peak) {
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-8s %-22s %10.2f %12.1f %10s%n",
        mb + " MB",
        task,
        s,
        sizeMb / s,
        peak < 0 ? "-" : (peak / 1_000_000) + " MB");
  }
}
