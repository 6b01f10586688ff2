package io.github.d1java.migrations;

import io.github.d1java.D1Database;
import io.github.d1java.D1Exception;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.sql.SqlSplitException;
import io.github.d1java.sql.SqlSplitter;
import io.github.d1java.sql.SqlStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs SQL files on a {@link D1Database} the way {@code wrangler d1 execute --local --file} does:
 * the text is split with {@link SqlSplitter}, one {@code BEGIN TRANSACTION}/{@code COMMIT} pair is
 * removed, and all statements run in one {@link D1Database#batch(List) batch}, so the file takes
 * effect entirely or not at all.
 *
 * <p>When the batch fails, D1 does not say which statement failed. This class finds out by
 * replaying prefixes of the batch, each followed by a statement that always fails, so that every
 * replay is rolled back (a binary search: about log2(n) extra batches, only on failure). The thrown
 * {@link D1ScriptException} names the file, the statement and its line.
 *
 * <p>All methods are static and thread-safe (as thread-safe as the database).
 */
public final class D1Scripts {

  /** A statement that fails whenever it runs, in any SQLite: RAISE outside a trigger. */
  static final String ALWAYS_FAILS = "SELECT RAISE(ABORT, 'd1-java failure probe')";

  private D1Scripts() {}

  /**
   * Reads an SQL file as UTF-8 and runs it as one batch.
   *
   * @param db the database; not null
   * @param file the SQL file; not null. Its file name names it in errors
   * @return one result per statement, in order; empty when the file has no statements
   * @throws D1ScriptException if the file cannot be split or a statement fails; nothing of the file
   *     was committed
   * @throws UncheckedIOException if the file cannot be read
   */
  public static List<D1Result<Map<String, Object>>> run(D1Database db, Path file) {
    Objects.requireNonNull(file, "file");
    return run(db, String.valueOf(file.getFileName()), read(file));
  }

  /**
   * Runs SQL text as one batch.
   *
   * @param db the database; not null
   * @param name what to call the text in errors, e.g. {@code schema.sql}; not null
   * @param sql the SQL text; not null
   * @return one result per statement, in order; empty when the text has no statements
   * @throws D1ScriptException if the text cannot be split or a statement fails; nothing was
   *     committed
   */
  public static List<D1Result<Map<String, Object>>> run(D1Database db, String name, String sql) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(name, "name");
    List<SqlStatement> statements = parse(name, sql);
    if (statements.isEmpty()) {
      return List.of();
    }
    return batch(db, name, statements, List.of());
  }

  static List<SqlStatement> parse(String name, String sql) {
    Objects.requireNonNull(sql, "sql");
    try {
      return SqlSplitter.stripTransaction(SqlSplitter.statements(sql));
    } catch (SqlSplitException e) {
      throw new D1ScriptException(name, null, e.line(), e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.toAbsolutePath() + ": " + e, e);
    }
  }

  /**
   * Runs {@code statements} then {@code extra} in one batch; on failure, names the statement.
   * Failures of the extra statements are described by their own SQL, at line 0.
   */
  static List<D1Result<Map<String, Object>>> batch(
      D1Database db, String name, List<SqlStatement> statements, List<D1PreparedStatement> extra) {
    List<D1PreparedStatement> all = new ArrayList<>(statements.size() + extra.size());
    for (SqlStatement statement : statements) {
      all.add(db.prepare(statement.sql()));
    }
    all.addAll(extra);
    try {
      return db.batch(all);
    } catch (D1Exception e) {
      int failed = locateFailure(db, all);
      if (failed < 0) {
        throw new D1ScriptException(name, null, 0, e);
      }
      if (failed < statements.size()) {
        SqlStatement statement = statements.get(failed);
        throw new D1ScriptException(name, statement.sql(), statement.line(), e);
      }
      throw new D1ScriptException(name, all.get(failed).statement(), 0, e);
    }
  }

  /**
   * Finds the index of the first statement that fails, replaying prefixes that are always rolled
   * back, or -1 when the failure does not reproduce.
   */
  static int locateFailure(D1Database db, List<D1PreparedStatement> statements) {
    String probeFailure = failureOf(db, List.of(db.prepare(ALWAYS_FAILS)));
    if (probeFailure == null || succeedsUpTo(db, statements, statements.size(), probeFailure)) {
      return -1;
    }
    int good = 0;
    int bad = statements.size();
    while (bad - good > 1) {
      int middle = (good + bad) >>> 1;
      if (succeedsUpTo(db, statements, middle, probeFailure)) {
        good = middle;
      } else {
        bad = middle;
      }
    }
    return good;
  }

  private static boolean succeedsUpTo(
      D1Database db, List<D1PreparedStatement> statements, int count, String probeFailure) {
    List<D1PreparedStatement> prefix = new ArrayList<>(statements.subList(0, count));
    prefix.add(db.prepare(ALWAYS_FAILS));
    return probeFailure.equals(failureOf(db, prefix));
  }

  private static String failureOf(D1Database db, List<D1PreparedStatement> statements) {
    try {
      db.batch(statements);
      return null;
    } catch (D1Exception e) {
      return e.getMessage();
    }
  }
}
