package io.github.d1java.benchmarks.testkit;

import io.github.d1java.migrations.D1Migrations;
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a test pays for a fresh, migrated database: a copy of a migrated template (what {@code
 * D1Extension} does) against applying every migration to an empty database (what a test would do
 * without the testkit). Each migration creates a table with an index and a trigger and inserts a
 * few rows, like a typical schema change.
 *
 * <p>Run: {@code ./mvnw -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar FreshMigratedDatabase}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FreshMigratedDatabaseBenchmark {

  /** Number of migration files. */
  @Param("20")
  public int migrationCount;

  private Path directory;
  private D1Migrations migrations;
  private byte[] template;

  /** Writes the migrations and builds the template once. */
  @Setup(Level.Trial)
  public void writeMigrations() throws IOException {
    directory = Files.createTempDirectory("d1-bench-migrations");
    for (int i = 1; i <= migrationCount; i++) {
      String table = "t" + i;
      Files.writeString(
          directory.resolve(String.format("%04d_create_%s.sql", i, table)),
          "CREATE TABLE "
              + table
              + " (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER);\n"
              + "CREATE INDEX "
              + table
              + "_name ON "
              + table
              + " (name);\n"
              + "CREATE TABLE "
              + table
              + "_log (id INTEGER, note TEXT);\n"
              + "CREATE TRIGGER "
              + table
              + "_audit AFTER INSERT ON "
              + table
              + " BEGIN\n"
              + "  INSERT INTO "
              + table
              + "_log VALUES (new.id, 'inserted; ' || new.name);\n"
              + "END;\n"
              + "INSERT INTO "
              + table
              + " (name, n) VALUES ('a', 1), ('b', 2), ('c', 3);\n");
    }
    migrations = D1Migrations.of(directory);
    try (D1SqliteDatabase db = D1Sqlite.inMemory()) {
      migrations.apply(db);
      template = db.dump();
    }
  }

  /** Deletes the migrations. */
  @TearDown(Level.Trial)
  public void deleteMigrations() throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      List<Path> all = files.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
      for (Path path : all) {
        Files.delete(path);
      }
    }
  }

  /**
   * Copies the migrated template, as the testkit does for every test.
   *
   * @return the number of applied migrations, so the work is not optimised away
   */
  @Benchmark
  public long templateCopy() {
    try (D1SqliteDatabase db = D1Sqlite.fromImage(template)) {
      return db.prepare("SELECT count(*) AS n FROM d1_migrations").<Long>first("n");
    }
  }

  /**
   * Applies every migration to an empty database.
   *
   * @return the number of applied migrations
   */
  @Benchmark
  public long applyMigrations() {
    try (D1SqliteDatabase db = D1Sqlite.inMemory()) {
      migrations.apply(db);
      return db.prepare("SELECT count(*) AS n FROM d1_migrations").<Long>first("n");
    }
  }
}
