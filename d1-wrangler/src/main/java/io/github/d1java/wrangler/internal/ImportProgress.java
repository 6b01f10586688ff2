package io.github.d1java.wrangler.internal;

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
import java.util.Properties;

/**
 * The progress file of a resumable import: which SQL file (its absolute path, size and SHA-256),
 * how many statements of it are committed, and the line the last of them starts on. Written
 * after each committed chunk (to a temporary file moved into place, so it is never half written),
 * removed when the import finishes. Not thread-safe.
 */
public final class ImportProgress {

  private final Path state;
  private final Path sqlFile;
  private final long size;
  private final String sha256;

  private ImportProgress(Path state, Path sqlFile, long size, String sha256) {
    this.state = state;
    this.sqlFile = sqlFile;
    this.size = size;
    this.sha256 = sha256;
  }

  /**
   * Hashes the SQL file.
   *
   * @param state the progress file
   * @param sqlFile the SQL file being imported
   * @param size its size in bytes
   * @return the progress of this import
   * @throws WranglerException if the SQL file cannot be read
   */
  public static ImportProgress open(Path state, Path sqlFile, long size) {
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
      }
    } catch (IOException e) {
      throw new WranglerException(
          "Unable to read SQL text file \"" + sqlFile + "\": " + e.getMessage(), e);
    }
    return new ImportProgress(
        state, sqlFile.toAbsolutePath(), size, HexFormat.of().formatHex(digest.digest()));
  }

  /**
   * Decides where this import starts.
   *
   * @param resume whether the caller asked to continue an interrupted import
   * @return the statements to skip: those committed by an interrupted import of this very file
   *     when {@code resume}, else 0
   * @throws WranglerException without {@code resume} when an interrupted import of this file is
   *     recorded (running it again from the start would repeat its statements), and with {@code
   *     resume} when the recorded import is of another file
   */
  public long startAt(boolean resume) {
    Properties recorded = read();
    if (recorded == null) {
      return 0;
    }
    boolean same =
        sha256.equals(recorded.getProperty("sha256"))
            && String.valueOf(size).equals(recorded.getProperty("size"));
    long statements;
    try {
      statements = Long.parseLong(recorded.getProperty("statements", ""));
    } catch (NumberFormatException e) {
      throw new WranglerException(
          "The import progress file " + state + " is damaged (no statement count); delete it to"
              + " import from the start.");
    }
    String where =
        statements + " statements (the last one on line " + recorded.getProperty("line") + ")";
    if (same && resume) {
      return statements;
    }
    if (same) {
      throw new WranglerException(
          "An import of this file stopped after " + where + ", which are committed; running it"
              + " from the start would repeat them. Add --resume (ImportOptions.withResume) to"
              + " continue after them, or delete " + state + " to start over.");
    }
    if (resume) {
      throw new WranglerException(
          "Cannot resume: " + state + " records an import of another file ("
              + recorded.getProperty("file") + ", " + recorded.getProperty("size")
              + " bytes, SHA-256 " + recorded.getProperty("sha256") + ") that stopped after "
              + where + "; " + sqlFile + " (" + size + " bytes, SHA-256 " + sha256
              + ") is different. Resume with that file, or delete " + state
              + " and import without --resume.");
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
            + "file=" + escape(sqlFile.toString()) + "\n"
            + "size=" + size + "\n"
            + "sha256=" + sha256 + "\n"
            + "statements=" + statements + "\n"
            + "line=" + line + "\n";
    Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new WranglerException("Could not record the import's progress in " + state + ": "
          + e.getMessage(), e);
    }
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
