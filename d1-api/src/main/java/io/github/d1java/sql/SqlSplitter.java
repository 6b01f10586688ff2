package io.github.d1java.sql;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Splits SQL text into statements, the way SQLite itself reads a script: {@link SqlLexer}'s
 * statements, refusing unterminated literals (which a file cannot mean).
 *
 * <pre>{@code
 * List<String> statements = SqlSplitter.split("CREATE TABLE t(a); INSERT INTO t VALUES ('a;b');");
 * // ["CREATE TABLE t(a)", "INSERT INTO t VALUES ('a;b')"]
 *
 * try (Reader in = Files.newBufferedReader(dump);
 *     Stream<SqlStatement> s = SqlSplitter.stripTransaction(SqlSplitter.stream(in))) {
 *   s.forEach(st -> System.out.println(st.line() + ": " + st.sql()));
 * }
 * }</pre>
 *
 * <p>A {@code ;} ends a statement except inside a string literal ({@code 'it''s'}), a quoted
 * identifier ({@code "a;b"}, {@code `a;b`}, {@code [a;b]}), a comment ({@code -- ;} to the end of
 * the line, {@code /* ; *}{@code /}), or the body of a {@code CREATE [TEMP] TRIGGER ... BEGIN ...
 * END}, which ends only at an {@code END} that directly follows a {@code ;}, so {@code CASE ...
 * END} inside the body does not end it. This is the rule of SQLite's {@code sqlite3_complete()}.
 *
 * <p>Each statement is returned from its first token to its last, without the terminating {@code
 * ;}. Comments and whitespace between statements are dropped; comments inside a statement are kept.
 * Statements that are empty or only comments are dropped.
 *
 * <p><b>Differences from wrangler's {@code splitSqlQuery}</b> (deliberate; wrangler's are bugs):
 * {@code [a;b]} is one identifier; {@code CASE ... END)} and {@code CASE ... END,} do not swallow
 * the rest of the file; {@code $1;} ends a statement; lower-case {@code begin} outside a trigger
 * opens nothing; a single statement loses its {@code ;} and surrounding comments like every other
 * (wrangler returns it unchanged); comments inside statements are kept rather than removed. The
 * removal of one {@code BEGIN TRANSACTION}/{@code COMMIT} pair is a separate step, {@link
 * #stripTransaction(List)}.
 *
 * <p>All methods are static and thread-safe. The streaming forms hold only the current statement in
 * memory.
 */
public final class SqlSplitter {

  private static final Pattern BEGIN =
      Pattern.compile(
          "BEGIN(?:\\s+(?:DEFERRED|IMMEDIATE|EXCLUSIVE))?(?:\\s+TRANSACTION)?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMIT =
      Pattern.compile("(?:COMMIT|END)(?:\\s+TRANSACTION)?", Pattern.CASE_INSENSITIVE);

  private SqlSplitter() {}

  /**
   * Splits SQL text into statements.
   *
   * @param sql the SQL text; not null
   * @return the statements in order, each without its terminating {@code ;}; empty when the text
   *     holds only whitespace and comments
   * @throws NullPointerException if {@code sql} is null
   * @throws SqlSplitException if a string literal, quoted identifier or blob is never closed
   */
  public static List<String> split(String sql) {
    List<String> result = new ArrayList<>();
    for (SqlStatement statement : statements(sql)) {
      result.add(statement.sql());
    }
    return result;
  }

  /**
   * Splits SQL text into statements, with the line on which each starts.
   *
   * @param sql the SQL text; not null
   * @return the statements in order
   * @throws NullPointerException if {@code sql} is null
   * @throws SqlSplitException if a string literal or quoted identifier is never closed
   */
  public static List<SqlStatement> statements(String sql) {
    Objects.requireNonNull(sql, "sql");
    List<SqlStatement> result = new ArrayList<>();
    StatementReader.strict(sql).forEachRemaining(result::add);
    return result;
  }

  /**
   * Splits SQL text read from {@code reader} lazily, one statement at a time, in constant memory
   * (plus the current statement). The stream does not close the reader; the caller does. Errors
   * surface while the stream is consumed: an unclosed literal as {@link SqlSplitException}, a read
   * failure as {@link java.io.UncheckedIOException}.
   *
   * @param reader the SQL source; not null. Wrap files in a {@link java.io.BufferedReader} or not:
   *     the splitter buffers itself
   * @return a sequential, ordered stream of the statements
   * @throws NullPointerException if {@code reader} is null
   */
  public static Stream<SqlStatement> stream(Reader reader) {
    return toStream(iterator(reader));
  }

  /**
   * The statements of a text read lazily, as {@link #stream(Reader)} reads them, as a plain
   * iterator: for a loop over a large file, without a stream's layers per statement. The iterator
   * holds the current statement and one buffer, and is used by one thread at a time; {@code remove}
   * is not supported.
   *
   * @param reader the SQL text; not null; read as the iterator advances, not closed
   * @return the statements in order
   * @throws NullPointerException if {@code reader} is null
   * @throws SqlSplitException from {@code hasNext}/{@code next}, as {@link #stream(Reader)}
   * @throws java.io.UncheckedIOException from {@code hasNext}/{@code next} if reading fails
   */
  public static Iterator<SqlStatement> iterator(Reader reader) {
    Objects.requireNonNull(reader, "reader");
    return StatementReader.of(reader, true);
  }

  /**
   * Removes one {@code BEGIN TRANSACTION} and the {@code COMMIT} that closes it, as {@code wrangler
   * d1 execute} and {@code migrations apply} do for {@code sqlite3 .dump} output (D1 runs every
   * batch in a transaction of its own and rejects {@code BEGIN}). Statements before the {@code
   * BEGIN} and after the {@code COMMIT} are kept. {@code BEGIN [DEFERRED|IMMEDIATE|EXCLUSIVE]
   * [TRANSACTION]} and {@code COMMIT|END [TRANSACTION]} count, in any case. A {@code COMMIT}
   * without an open {@code BEGIN} is kept, so that the database rejects it with D1's message.
   *
   * @param statements the statements, as split by this class; not null
   * @return the statements without the pair; the input's elements when there is none
   * @throws SqlSplitException with wrangler's message {@link
   *     SqlSplitException#SEVERAL_TRANSACTIONS} when a second {@code BEGIN} follows, or when a
   *     {@code BEGIN} is never committed
   */
  public static List<SqlStatement> stripTransaction(List<SqlStatement> statements) {
    Objects.requireNonNull(statements, "statements");
    List<SqlStatement> result = new ArrayList<>(statements.size());
    new TransactionStripper(statements.iterator()).forEachRemaining(result::add);
    return result;
  }

  /**
   * Streaming form of {@link #stripTransaction(List)}: the same rules, applied lazily. The returned
   * stream closes {@code statements} when it is closed.
   *
   * @param statements the statements, for example from {@link #stream(Reader)}; not null
   * @return the statements without the pair
   * @throws SqlSplitException while the stream is consumed, as {@link #stripTransaction(List)}
   */
  public static Stream<SqlStatement> stripTransaction(Stream<SqlStatement> statements) {
    Objects.requireNonNull(statements, "statements");
    return toStream(stripTransaction(statements.iterator())).onClose(statements::close);
  }

  /**
   * Iterator form of {@link #stripTransaction(List)}: the same rules, applied lazily, one statement
   * of {@code statements} at a time. Used by one thread at a time, as its source is.
   *
   * @param statements the statements, for example from {@link #iterator(Reader)}; not null
   * @return the statements without the pair
   * @throws NullPointerException if {@code statements} is null
   * @throws SqlSplitException while iterating, as {@link #stripTransaction(List)}
   */
  public static Iterator<SqlStatement> stripTransaction(Iterator<SqlStatement> statements) {
    return new TransactionStripper(Objects.requireNonNull(statements, "statements"));
  }

  private static Stream<SqlStatement> toStream(Iterator<SqlStatement> iterator) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            iterator, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
        false);
  }

  private static final class TransactionStripper extends Lookahead<SqlStatement> {
    private final Iterator<SqlStatement> source;
    private long openedAt;
    private boolean began;
    private boolean committed;

    TransactionStripper(Iterator<SqlStatement> source) {
      this.source = source;
    }

    @Override
    SqlStatement compute() {
      while (source.hasNext()) {
        SqlStatement candidate = source.next();
        String sql = candidate.sql();
        // the patterns are tried only on statements that start with their first letter
        char first = Character.toUpperCase(sql.charAt(0));
        if (first == 'B' && BEGIN.matcher(sql).matches()) {
          if (began) {
            throw new SqlSplitException(SqlSplitException.SEVERAL_TRANSACTIONS, candidate.line());
          }
          began = true;
          openedAt = candidate.line();
        } else if (began
            && !committed
            && (first == 'C' || first == 'E')
            && COMMIT.matcher(sql).matches()) {
          committed = true;
        } else {
          return candidate;
        }
      }
      if (began && !committed) {
        throw new SqlSplitException(
            "the BEGIN TRANSACTION at line " + openedAt + " is never committed", openedAt);
      }
      return null;
    }
  }
}
