package io.github.d1java.wrangler;

import io.github.d1java.D1Database;
import io.github.d1java.D1Exception;
import io.github.d1java.D1Meta;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import io.github.d1java.sql.SqlSplitter;
import io.github.d1java.sql.SqlStatement;
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import io.github.d1java.sqlite.D1SqliteTransaction;
import io.github.d1java.sqlite.internal.ScriptReader;
import io.github.d1java.wrangler.internal.ChunkReader;
import io.github.d1java.wrangler.internal.DirectImport;
import io.github.d1java.wrangler.internal.ImportProgress;
import io.github.d1java.wrangler.internal.SqlFileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Runs a SQL file of any size against a {@link D1Database}: the text is split as it is read ({@link
 * SqlSplitter#iterator(Reader)}, with one {@code BEGIN TRANSACTION}/{@code COMMIT} pair removed, so
 * {@code sqlite3 .dump} output is accepted as is), on a thread of its own one chunk ahead, and
 * statements are run in chunks, one transaction per chunk. Memory stays bounded by three chunks.
 *
 * <p>A failing statement rolls back its chunk and raises {@link SqlImportException} naming its
 * line; chunks before it stay committed. With {@link ImportOptions#SINGLE_TRANSACTION} the whole
 * file is one transaction, as in {@code wrangler d1 execute --local --file}: without a listener it
 * is still read and run chunk by chunk (on the local engine in one {@link D1SqliteTransaction},
 * {@link D1SqliteTransaction#executeScript} per chunk; with {@link ImportOptions#direct()} in one
 * SQLite transaction with a savepoint per chunk), so memory holds a few chunks, not the file; with
 * a listener, or on another {@link D1Database}, the file is one chunk held in memory.
 *
 * <p>Bad input is refused with its line before it runs: a NUL byte (SQLite stops reading SQL there,
 * so D1 answers {@code SQL code did not contain a statement.}) and bytes that are not UTF-8, unless
 * {@link ImportOptions#replaceInvalidUtf8()} asks for U+FFFD instead.
 *
 * <p>Resumable: a file imported in chunks into a local database file records its progress (see
 * {@link #progressFile(Path)}); after an interruption (a failure, a kill), running the same file
 * again is refused unless {@link ImportOptions#resume()} is set, which continues after the last
 * committed chunk. While such an import is unfinished the database holds a one-row table, {@code
 * _d1_import_progress}, written in each chunk's own transaction, so that a resume repeats and skips
 * nothing whenever the process died; the last chunk drops it. A different file (by SHA-256) is
 * never resumed. The SHA-256 is computed on a thread of its own while the first chunk is read; the
 * first chunk's commit waits for it if it is not known yet, so every chunk is one transaction.
 *
 * <p>Two forms: with a {@link StatementListener} (other than {@link StatementListener#NONE}), every
 * statement runs through {@code batch} and its result (rows included) is reported; without one, on
 * the local engine each chunk runs as one SQLite script (what {@link
 * D1SqliteDatabase#executeScript} runs), with D1's rules but several times faster, and only the
 * totals in {@link ImportSummary} are reported: the reading thread splits each chunk and checks it
 * against D1's rules with the engine's lexer, so the importing thread only runs SQLite. When a
 * script fails, its chunk is run again through {@code batch} to find the failing statement and D1's
 * exact error.
 *
 * <p>Stateless and thread-safe.
 */
public final class SqlImport {

  /** wrangler's message for a binary SQLite file given where SQL text is expected. */
  public static final String BINARY_FILE_MESSAGE =
      "Provided file is a binary SQLite database file instead of an SQL text file. The execute"
          + " command can only process SQL text files. Please export an SQL file from your SQLite"
          + " database and try again.";

  private static final byte[] SQLITE_HEADER = "SQLite format 3".getBytes(StandardCharsets.US_ASCII);

  /** D1's limit on one statement's length, in bytes. */
  static final int MAX_STATEMENT_BYTES = 100_000;

  /** D1's message for SQL text without a statement (here: text cut at a NUL byte). */
  static final String NOT_A_STATEMENT = "SQL code did not contain a statement.";

  private static final Pattern NO_SUCH_TABLE = Pattern.compile("no such table: main\\.(\\S+?): ");

  /** Probe used to find the failing statement of a rolled-back chunk; it always fails. */
  private static final String PROBE_TABLE = "d1_import_probe_5f0c2e9a";

  private SqlImport() {}

  /**
   * Runs a SQL file, reporting totals only: the fast form (see the class description). Progress is
   * reported in bytes read of the file size.
   *
   * @param db the database; not null
   * @param file a UTF-8 SQL text file; not null
   * @param options chunking; not null
   * @param progress progress listener; null for none
   * @return what was run
   * @throws WranglerException if the file is missing, unreadable, or a binary SQLite database; if
   *     an interrupted import of this file is recorded and {@code options} do not resume it; if
   *     {@code options} resume and another file's import is recorded
   * @throws SqlImportException if a statement fails, or the file holds a NUL byte or (unless
   *     replacement is asked for) invalid UTF-8
   * @throws io.github.d1java.sql.SqlSplitException if the text cannot be split (an unclosed string,
   *     several transactions)
   */
  public static ImportSummary run(
      D1Database db, Path file, ImportOptions options, SqlProgress progress) {
    return runFile(db, file, options, progress, null);
  }

  /**
   * Runs a SQL file. Progress is reported in bytes read of the file size.
   *
   * @param db the database; not null
   * @param file a UTF-8 SQL text file; not null
   * @param options chunking; not null
   * @param progress progress listener; null for none
   * @param results receives each statement's result after its chunk commits; not null; {@link
   *     StatementListener#NONE} runs the fast form, as the method without a listener
   * @return what was run
   * @throws WranglerException if the file is missing, unreadable, or a binary SQLite database; if
   *     an interrupted import of this file is recorded and {@code options} do not resume it; if
   *     {@code options} resume and another file's import is recorded
   * @throws SqlImportException if a statement fails, or the file holds a NUL byte or (unless
   *     replacement is asked for) invalid UTF-8
   * @throws io.github.d1java.sql.SqlSplitException if the text cannot be split (an unclosed string,
   *     several transactions)
   */
  public static ImportSummary run(
      D1Database db,
      Path file,
      ImportOptions options,
      SqlProgress progress,
      StatementListener results) {
    return runFile(db, file, options, progress, Objects.requireNonNull(results, "results"));
  }

  private static ImportSummary runFile(
      D1Database db,
      Path file,
      ImportOptions options,
      SqlProgress progress,
      StatementListener results) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new WranglerException(
          "Unable to read SQL text file \"" + file + "\": no such file.", e);
    } catch (IOException e) {
      throw new WranglerException("Unable to read SQL text file \"" + file + "\": " + e, e);
    }
    if (Files.isDirectory(file)) {
      throw new WranglerException(
          "Unable to read SQL text file \"" + file + "\": it is a directory.");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SQLITE_HEADER.length);
    } catch (IOException e) {
      throw new WranglerException("Unable to read SQL text file \"" + file + "\": " + e, e);
    }
    if (Arrays.equals(head, SQLITE_HEADER)) {
      throw new WranglerException(BINARY_FILE_MESSAGE);
    }
    ImportProgress checkpoint = null;
    long skip = 0;
    if (db instanceof D1SqliteDatabase && ((D1SqliteDatabase) db).file() != null) {
      checkpoint = ImportProgress.open(progressFile(((D1SqliteDatabase) db).file()), file, size);
      try {
        skip = checkpoint.startAt(options.resume(), db);
      } catch (RuntimeException e) {
        checkpoint.release();
        throw e;
      }
    }
    try (SqlFileReader reader =
        new SqlFileReader(Files.newInputStream(file), options.replaceInvalidUtf8())) {
      return new Run(db, options, progress, results, checkpoint, file)
          .run(reader, skip, () -> Math.min(reader.count(), size), size);
    } catch (IOException e) {
      throw new WranglerException(
          "Unable to read SQL text file \"" + file + "\": " + e.getMessage(), e);
    } finally {
      if (checkpoint != null) {
        checkpoint.release();
      }
    }
  }

  /**
   * Where an import into {@code database} records how far it got: the database file's name with
   * {@code -import} appended, in the same folder. It exists while a chunked import of a SQL file is
   * running or after one was interrupted or failed, and is removed when the import finishes; {@link
   * ImportOptions#resume()} continues from it.
   *
   * @param database the local database file; not null
   * @return the progress file's path (which may not exist)
   */
  public static Path progressFile(Path database) {
    return database.resolveSibling(database.getFileName() + "-import");
  }

  /**
   * Runs SQL text from a reader, which is not closed, reporting totals only: the fast form (see the
   * class description). Progress is reported in statements, total unknown.
   *
   * @param db the database; not null
   * @param sql the SQL text; not null
   * @param options chunking; not null
   * @param progress progress listener; null for none
   * @return what was run
   * @throws SqlImportException if a statement fails
   * @throws io.github.d1java.sql.SqlSplitException if the text cannot be split
   * @throws UncheckedIOException if reading fails
   */
  public static ImportSummary run(
      D1Database db, Reader sql, ImportOptions options, SqlProgress progress) {
    return run(db, sql, null, -1, options, progress, null);
  }

  /**
   * Runs SQL text from a reader, which is not closed. Progress is reported in statements, total
   * unknown.
   *
   * @param db the database; not null
   * @param sql the SQL text; not null
   * @param options chunking; not null
   * @param progress progress listener; null for none
   * @param results receives each statement's result after its chunk commits; not null; {@link
   *     StatementListener#NONE} runs the fast form, as the method without a listener
   * @return what was run
   * @throws SqlImportException if a statement fails
   * @throws io.github.d1java.sql.SqlSplitException if the text cannot be split
   * @throws UncheckedIOException if reading fails
   */
  public static ImportSummary run(
      D1Database db,
      Reader sql,
      ImportOptions options,
      SqlProgress progress,
      StatementListener results) {
    Objects.requireNonNull(results, "results");
    return run(db, sql, null, -1, options, progress, results);
  }

  /** What one committed chunk changed. */
  private record Outcome(long changes, long sizeAfter) {}

  private static ImportSummary run(
      D1Database db,
      Reader sql,
      LongSupplier done,
      long total,
      ImportOptions options,
      SqlProgress progress,
      StatementListener results) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(options, "options");
    return new Run(db, options, progress, results, null, null).run(sql, 0, done, total);
  }

  /** One import. */
  private static final class Run {
    private final D1Database db;
    private final ImportOptions options;
    private final SqlProgress progress;
    private final StatementListener results;
    private final ImportProgress checkpoint;
    private final Path source;
    private long committed;

    /**
     * @param progress null for none
     * @param results per-statement results, or null for the script form
     * @param checkpoint where to record progress, or null
     * @param source the file, or null for a reader
     */
    Run(
        D1Database db,
        ImportOptions options,
        SqlProgress progress,
        StatementListener results,
        ImportProgress checkpoint,
        Path source) {
      this.db = db;
      this.options = options;
      this.progress = progress == null ? SqlProgress.NONE : progress;
      // NONE asks for no results: the script form, as without a listener
      this.results = results == StatementListener.NONE ? null : results;
      this.checkpoint = checkpoint;
      this.source = source;
    }

    /**
     * @param skip statements already committed by an earlier run of the same file
     * @param done progress so far, or null to report the statements committed
     */
    ImportSummary run(Reader sql, long skip, LongSupplier done, long total) {
      try {
        return chunks(sql, skip, done, total);
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof SqlFileReader.BadInputException) {
          throw badInput((SqlFileReader.BadInputException) e.getCause());
        }
        throw e;
      }
    }

    private ImportSummary chunks(Reader sql, long skip, LongSupplier done, long total) {
      long transactions = 0;
      long changes = 0;
      long sizeAfter = 0;
      DirectImport direct = null;
      if (options.direct()
          && db instanceof D1SqliteDatabase
          && ((D1SqliteDatabase) db).file() != null) {
        try {
          direct =
              new DirectImport(
                  ((D1SqliteDatabase) db).file(), D1Sqlite.DEFAULT_BUSY_TIMEOUT_MILLIS);
        } catch (SQLException e) {
          throw new WranglerException(
              "Could not open " + ((D1SqliteDatabase) db).file() + ": " + e.getMessage(), e);
        }
      }
      long pending = 0;
      // without a listener, one transaction is read and run chunk by chunk: on the direct
      // connection, or in a transaction of the local engine
      boolean oneTransaction =
          results == null
              && options.chunkStatements() == Integer.MAX_VALUE
              && options.chunkChars() == Long.MAX_VALUE
              && (direct != null || db instanceof D1SqliteDatabase);
      D1SqliteTransaction tx = null;
      if (oneTransaction && direct == null) {
        try {
          tx = D1SqliteTransaction.begin((D1SqliteDatabase) db);
        } catch (IllegalArgumentException notTheEngine) {
          oneTransaction = false;
        }
      }
      int chunkStatements =
          oneTransaction ? ImportOptions.DEFAULT_CHUNK_STATEMENTS : options.chunkStatements();
      long chunkChars = oneTransaction ? ImportOptions.DEFAULT_CHUNK_CHARS : options.chunkChars();
      // the script form on the local engine: the engine splits and checks on the reading thread
      ScriptReader script = null;
      if (results == null && direct == null && db instanceof D1SqliteDatabase) {
        try {
          script = new ScriptReader((D1SqliteDatabase) db, sql);
        } catch (IllegalArgumentException notTheEngine) {
          script = null;
        }
      }
      try (D1SqliteTransaction rollbackUnlessCommitted = tx;
          DirectImport closeMe = direct;
          ScriptReader closeScript = script;
          ChunkReader reader =
              script != null
                  ? new ChunkReader(script, skip, chunkStatements, chunkChars)
                  : new ChunkReader(
                      SqlSplitter.stripTransaction(SqlSplitter.iterator(sql)),
                      skip,
                      chunkStatements,
                      chunkChars,
                      results != null)) {
        for (ChunkReader.Chunk next = reader.next(); next != null; next = reader.next()) {
          List<SqlStatement> chunk = next.statements();
          // the exact record of progress commits with the chunk (see ImportProgress)
          List<String> marker = List.of();
          if (checkpoint != null && !next.last() && !oneTransaction) {
            marker = checkpoint.markerUpdate(skip + committed + chunk.size());
          } else if (checkpoint != null && next.last()) {
            marker = List.of(ImportProgress.markerDrop());
          }
          long markerChanges = marker.size() == 2 ? 1 : 0;
          Outcome outcome;
          if (oneTransaction) {
            if (tx != null) {
              Outcome o = script(tx, next, marker, markerChanges);
              changes += o.changes();
              sizeAfter = o.sizeAfter();
            } else {
              try {
                changes += direct.runUncommitted(chunk, marker);
              } catch (DirectImport.Failure f) {
                throw failed(chunk.get(f.index), f.error);
              }
            }
            pending += chunk.size();
            if (next.last()) {
              if (tx != null) {
                try {
                  tx.commit();
                } catch (D1Exception e) {
                  // a deferred foreign key fails the commit; the transaction is rolled back
                  throw failed(chunk.get(chunk.size() - 1), e);
                }
              } else {
                try {
                  direct.commit();
                  sizeAfter = direct.sizeAfter();
                } catch (DirectImport.Failure f) {
                  throw failed(chunk.get(chunk.size() - 1), f.error);
                }
              }
              committed += pending;
              transactions++;
              progress.update(done == null ? committed : done.getAsLong(), total);
            }
            continue;
          } else if (direct != null) {
            try {
              outcome =
                  new Outcome(
                      direct.run(chunk, marker, results == null ? null : results::committed)
                          - markerChanges,
                      direct.sizeAfter());
            } catch (DirectImport.Failure f) {
              throw failed(chunk.get(f.index), f.error);
            }
          } else if (results == null && db instanceof D1SqliteDatabase) {
            outcome = script(null, next, marker, markerChanges);
          } else {
            outcome = batch(chunk, marker);
          }
          transactions++;
          committed += chunk.size();
          changes += outcome.changes();
          sizeAfter = outcome.sizeAfter();
          if (checkpoint != null && !next.last()) {
            checkpoint.committed(skip + committed, chunk.get(chunk.size() - 1).line());
          }
          progress.update(done == null ? committed : done.getAsLong(), total);
        }
      } catch (SQLException e) {
        throw new WranglerException("Could not close the import connection: " + e.getMessage(), e);
      }
      if (checkpoint != null) {
        checkpoint.finished();
      }
      return new ImportSummary(committed, transactions, changes, sizeAfter);
    }

    private SqlImportException badInput(SqlFileReader.BadInputException e) {
      long line = lineAt(source, e.offset);
      if (e.problem == SqlFileReader.Problem.NUL) {
        return new SqlImportException(
            line,
            committed,
            D1SqlException.of(NOT_A_STATEMENT, null),
            "(a NUL byte at byte "
                + e.offset
                + " of the file: SQLite stops reading SQL text"
                + " at a NUL, so nothing after it would run; remove it)");
      }
      return new SqlImportException(
          line,
          committed,
          "the file is not valid UTF-8 at byte "
              + e.offset
              + ". Convert the file to UTF-8, or"
              + " import it with --replace-invalid-utf8 (ImportOptions.withReplaceInvalidUtf8) to"
              + " store each invalid byte as U+FFFD.");
    }

    private Outcome batch(List<SqlStatement> chunk, List<String> marker) {
      return batch(target(db), chunk, marker);
    }

    /**
     * Runs a chunk through {@code batch}, as one call: D1's error for a failing statement and, by
     * bisection, which statement it is.
     */
    private Outcome batch(Target db, List<SqlStatement> chunk, List<String> marker) {
      List<D1Result<Map<String, Object>>> out;
      try {
        List<D1PreparedStatement> prepared = prepare(db, chunk, chunk.size(), false);
        for (String m : marker) {
          prepared.add(db.prepare(m));
        }
        out = db.batch(prepared);
      } catch (D1Exception e) {
        throw failed(chunk.get(failingIndex(db, chunk)), e);
      }
      long changes = 0;
      for (int i = 0; i < chunk.size(); i++) {
        changes += out.get(i).meta().changes();
        if (results != null) {
          results.committed(chunk.get(i), out.get(i));
        }
      }
      return new Outcome(changes, out.isEmpty() ? 0 : out.get(out.size() - 1).meta().sizeAfter());
    }

    /**
     * Runs a chunk as one script, on the database (its own transaction) or in the import's single
     * transaction ({@code tx} not null).
     */
    private Outcome script(
        D1SqliteTransaction tx, ChunkReader.Chunk next, List<String> marker, long markerChanges) {
      List<SqlStatement> chunk = next.statements();
      D1Meta meta;
      try {
        if (next.checked() != null) {
          // split and checked by the engine on the reading thread
          meta =
              tx != null
                  ? ScriptReader.run(tx, next.checked(), marker)
                  : ScriptReader.run((D1SqliteDatabase) db, next.checked(), marker);
        } else {
          List<String> texts = new ArrayList<>(chunk.size() + marker.size());
          for (SqlStatement s : chunk) {
            texts.add(s.sql());
          }
          texts.addAll(marker);
          meta =
              tx != null ? tx.executeScript(texts) : ((D1SqliteDatabase) db).executeScript(texts);
        }
      } catch (D1Exception e) {
        // nothing of the chunk took effect: run it through batch for the failing line and D1's
        // error
        return batch(tx != null ? target(tx) : target(db), chunk, marker);
      }
      return new Outcome(meta.changes() - markerChanges, meta.sizeAfter());
    }

    private SqlImportException failed(SqlStatement statement, D1Exception e) {
      return new SqlImportException(statement.line(), committed, e, hint(statement, e));
    }
  }

  /** What to do about the failures users meet with exports and dumps. */
  static String hint(SqlStatement statement, D1Exception e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("statement too long")) {
      long bytes = statement.sql().getBytes(StandardCharsets.UTF_8).length + 1;
      return String.format(
          Locale.ROOT,
          "(the statement is %,d bytes; D1 accepts at most %,d bytes per statement. Split the"
              + " INSERT into several, one row or a part of a long value each (appending the"
              + " parts with UPDATE ... SET col = col || ...), or bind the value as a parameter"
              + " instead of writing it in the SQL)",
          bytes,
          MAX_STATEMENT_BYTES);
    }
    if (message.contains("FOREIGN KEY constraint failed")) {
      return "(each chunk is one transaction, and SQLite checks foreign keys, deferred ones included,"
          + " when it commits: a row whose parent row comes later in the file fails when they"
          + " fall in different chunks. Import the file as one transaction (--chunk-size 0,"
          + " ImportOptions.SINGLE_TRANSACTION), or order its INSERTs parents first)";
    }
    java.util.regex.Matcher m = NO_SUCH_TABLE.matcher(message);
    if (m.find()) {
      // SQLite names the parent table of a foreign key with its schema: "main.Artist"
      String table = m.group(1);
      return "(a foreign key of the table this statement writes references "
          + table
          + ", which"
          + " does not exist yet. A wrangler export creates tables in creation order, so a table"
          + " that references one created after it cannot be filled: export again with d1 export,"
          + " which creates every referenced table first, or move the CREATE TABLE of "
          + table
          + " and its INSERTs above line "
          + statement.line()
          + ")";
    }
    return null;
  }

  /** The 1-based line of a byte offset: 1 plus the line feeds before it. */
  static long lineAt(Path file, long offset) {
    long line = 1;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      long read = 0;
      while (read < offset) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, offset - read));
        if (n < 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            line++;
          }
        }
        read += n;
      }
    } catch (IOException e) {
      throw new WranglerException("Unable to read SQL text file \"" + file + "\": " + e, e);
    }
    return line;
  }

  /** Where statements are prepared and run: a database, or a transaction on one. */
  /** What an import prepares and batches on: a database, or an open local transaction. */
  private record Target(
      Function<String, D1PreparedStatement> preparer,
      Function<List<D1PreparedStatement>, List<D1Result<Map<String, Object>>>> batcher) {

    D1PreparedStatement prepare(String sql) {
      return preparer.apply(sql);
    }

    List<D1Result<Map<String, Object>>> batch(List<D1PreparedStatement> statements) {
      return batcher.apply(statements);
    }
  }

  private static Target target(D1Database db) {
    return new Target(db::prepare, db::batch);
  }

  private static Target target(D1SqliteTransaction tx) {
    return new Target(tx::prepare, tx::batch);
  }

  private static List<D1PreparedStatement> prepare(
      Target db, List<SqlStatement> chunk, int count, boolean probe) {
    List<D1PreparedStatement> list = new ArrayList<>(count + 1);
    for (int i = 0; i < count; i++) {
      list.add(db.prepare(chunk.get(i).sql()));
    }
    if (probe) {
      list.add(db.prepare("SELECT * FROM \"" + PROBE_TABLE + "\""));
    }
    return list;
  }

  /**
   * Finds the statement that failed in a rolled-back chunk by bisection: a prefix followed by a
   * statement that always fails is rolled back whatever happens, and fails on the probe exactly
   * when the prefix succeeds. Nothing is committed.
   */
  private static int failingIndex(Target db, List<SqlStatement> chunk) {
    int lo = 0;
    int hi = chunk.size();
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (prefixSucceeds(db, chunk, mid)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static boolean prefixSucceeds(Target db, List<SqlStatement> chunk, int count) {
    try {
      db.batch(prepare(db, chunk, count, true));
      throw new IllegalStateException("the probe table " + PROBE_TABLE + " exists");
    } catch (D1Exception e) {
      return e.getMessage().contains(PROBE_TABLE);
    }
  }
}
