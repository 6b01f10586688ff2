package io.github.d1java.wrangler.internal;

import io.github.d1java.D1Database;
import io.github.d1java.wrangler.WranglerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The progress of a resumable import, kept twice. The progress file beside the database says, for
 * people, which SQL file (its absolute path, size and SHA-256), how many statements of it are
 * committed, and the line the last of them starts on; it is written after each committed chunk (to
 * a temporary file moved into place, so it is never half written) and removed when the import
 * finishes. The exact record is a one-row table, {@value #MARKER}, written by each chunk in the
 * chunk's own transaction (so a kill between a commit and the file's update cannot make a resume
 * repeat or skip a chunk) and dropped by the last chunk's transaction: it exists only while a
 * chunked import is unfinished. Not thread-safe.
 */
public final class ImportProgress {

  /** The table holding the exact count of committed statements while an import is unfinished. */
  public static final String MARKER = "_d1_import_progress";

  private final Path state;
  private final Path sqlFile;
  private final long size;
  private final CompletableFuture<String> sha256;
  private volatile boolean released;

  private ImportProgress(Path state, Path sqlFile, long size, CompletableFuture<String> sha256) {
    this.state = state;
    this.sqlFile = sqlFile;
    this.size = size;
    this.sha256 = sha256;
  }

  /**
   * Starts hashing the SQL file on a thread of its own, so that the import does not wait for it:
   * the hash is needed only to compare with a recorded import and to record progress.
   *
   * @param state the progress file
   * @param sqlFile the SQL file being imported
   * @param size its size in bytes
   * @return the progress of this import
   */
  public static ImportProgress open(Path state, Path sqlFile, long size) {
    CompletableFuture<String> sha256 = new CompletableFuture<>();
    Thread hasher =
        new Thread(
            () -> {
              try {
                sha256.complete(hash(sqlFile, sha256));
              } catch (Throwable t) {
                sha256.completeExceptionally(t);
              }
            },
            "d1-sql-import-hash");
    hasher.setDaemon(true);
    hasher.start();
    return new ImportProgress(state, sqlFile.toAbsolutePath(), size, sha256);
  }

  /** Hashes the file; stops early (returning null) once {@code result} is cancelled. */
  private static String hash(Path sqlFile, CompletableFuture<String> result) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(sqlFile), digest)) {
      byte[] buffer = new byte[1 << 16];
      while (in.read(buffer) >= 0) {
        // the digest sees every byte
        if (result.isDone()) {
          return null;
        }
      }
    } catch (IOException e) {
      throw new WranglerException(
          "Unable to read SQL text file \"" + sqlFile + "\": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The SQL file's SHA-256, waiting for the hashing thread if it is still reading.
   *
   * @throws WranglerException if the SQL file could not be read
   */
  String sha256() {
    if (released) {
      throw new IllegalStateException("the import's progress was released");
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return sha256.get();
        } catch (CancellationException e) {
          throw new IllegalStateException("the import's progress was released", e);
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
          }
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops the hashing thread if it is still reading: the import is over or failed. */
  public void release() {
    released = true;
    sha256.cancel(false);
  }

  /**
   * Decides where this import starts.
   *
   * @param resume whether the caller asked to continue an interrupted import
   * @param db the database, whose marker table is the exact record
   * @return the statements to skip: those committed by an interrupted import of this very file when
   *     {@code resume}, else 0
   * @throws WranglerException without {@code resume} when an interrupted import of this file is
   *     recorded (running it again from the start would repeat its statements), and with {@code
   *     resume} when the recorded import is of another file
   */
  public long startAt(boolean resume, D1Database db) {
    Properties recorded = read();
    List<Object> marker = marker(db);
    if (recorded == null && marker == null) {
      return 0;
    }
    if (recorded == null) {
      recorded = new Properties();
      recorded.setProperty("file", "(unknown: the progress file is missing)");
      recorded.setProperty("size", "?");
      recorded.setProperty("sha256", (String) marker.get(0));
      recorded.setProperty("line", "?");
    }
    if (marker == null) {
      // the import's last chunk committed (and dropped the marker) before the file was removed
      finished();
      return 0;
    }
    // the marker was committed with the chunks; the file may lag one chunk behind it
    long statements = ((Number) marker.get(1)).longValue();
    if (!String.valueOf(statements).equals(recorded.getProperty("statements"))) {
      recorded.setProperty("line", "?");
    }
    String recordedSize = recorded.getProperty("size", "?");
    boolean same =
        sha256().equals(marker.get(0))
            && (recordedSize.equals("?") || String.valueOf(size).equals(recordedSize));
    String line = recorded.getProperty("line", "?");
    String where =
        statements
            + " statements"
            + (line.equals("?") ? "" : " (the last one on line " + line + ")");
    if (same && resume) {
      return statements;
    }
    if (same) {
      throw new WranglerException(
          "An import of this file stopped after "
              + where
              + ", which are committed; running it"
              + " from the start would repeat them. Add --resume (ImportOptions.withResume) to"
              + " continue after them, or import the file into a new database.");
    }
    if (resume) {
      throw new WranglerException(
          "Cannot resume: "
              + state
              + " records an import of another file ("
              + recorded.getProperty("file")
              + ", "
              + recordedSize
              + " bytes, SHA-256 "
              + marker.get(0)
              + ") that stopped after "
              + where
              + "; "
              + sqlFile
              + " ("
              + size
              + " bytes, SHA-256 "
              + sha256()
              + ") is different. Resume with that file, or import without --resume.");
    }
    return 0;
  }

  /**
   * Records that the first {@code statements} statements are committed.
   *
   * @param statements statements of the file committed so far
   * @param line the line the last of them starts on
   * @throws WranglerException if the progress file cannot be written
   */
  public void committed(long statements, long line) {
    String text =
        "# d1-java import progress: resume with d1 execute --file <file> --resume;"
            + " delete this file to start over\n"
            + "file="
            + escape(sqlFile.toString())
            + "\n"
            + "size="
            + size
            + "\n"
            + "sha256="
            + sha256()
            + "\n"
            + "statements="
            + statements
            + "\n"
            + "line="
            + line
            + "\n";
    Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new WranglerException(
          "Could not record the import's progress in " + state + ": " + e.getMessage(), e);
    }
  }

  /**
   * The statements that record, in a chunk's own transaction, that {@code statements} statements of
   * the file are committed once it commits.
   *
   * @param statements statements of the file committed when the chunk commits
   * @return SQL texts to run at the end of the chunk; each changes one row at most
   */
  public List<String> markerUpdate(long statements) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + MARKER
            + "(id INTEGER PRIMARY KEY CHECK (id = 1), sha256 TEXT NOT NULL,"
            + " statements INTEGER NOT NULL)",
        "INSERT OR REPLACE INTO " + MARKER + " VALUES (1, '" + sha256() + "', " + statements + ")");
  }

  /**
   * @return the SQL text that removes the marker at the end of the last chunk
   */
  public static String markerDrop() {
    return "DROP TABLE IF EXISTS " + MARKER;
  }

  /** The marker's {@code [sha256, statements]}, or null when there is none. */
  private static List<Object> marker(D1Database db) {
    Number tables =
        db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = ?")
            .bind(MARKER)
            .first("n");
    if (tables.longValue() == 0) {
      return null;
    }
    List<List<Object>> rows =
        db.prepare("SELECT sha256, statements FROM " + MARKER + " WHERE id = 1").raw();
    return rows.isEmpty() ? null : rows.get(0);
  }

  /**
   * Removes the progress file: the import is complete.
   *
   * @throws WranglerException if it cannot be removed
   */
  public void finished() {
    try {
      Files.deleteIfExists(state);
    } catch (IOException e) {
      throw new WranglerException(
          "The import finished but " + state + " could not be removed: " + e.getMessage(), e);
    }
  }

  private Properties read() {
    String text;
    try {
      text = Files.readString(state, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new WranglerException(
          "Could not read the import progress file " + state + ": " + e.getMessage(), e);
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new WranglerException(
          "The import progress file " + state + " is damaged; delete it to import from the start.",
          e);
    }
    return p;
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\n", "\\n");
  }
}
