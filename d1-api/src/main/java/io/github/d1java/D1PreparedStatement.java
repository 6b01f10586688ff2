package io.github.d1java;

import java.util.List;
import java.util.Map;

/**
 * A prepared statement, shaped like D1's {@code D1PreparedStatement}.
 *
 * <p>Statements are <b>immutable</b>: {@link #bind(Object...)} returns a new statement and leaves
 * this one untouched, so a statement can be shared between threads and bound many times.
 *
 * <p>Bind values: {@code null}; {@link Boolean} (bound as 1 or 0); {@link Byte}, {@link Short},
 * {@link Integer}, {@link Long} (INTEGER, all 64 bits exact); {@link Float}, {@link Double} (REAL;
 * NaN and infinities become NULL, as they do in D1); {@link String} (TEXT); {@code byte[]} and
 * {@link java.nio.ByteBuffer} (BLOB, copied). Anything else fails at bind time with {@link
 * D1TypeException}.
 *
 * <p>Values read back as {@link Long} (INTEGER), {@link Double} (REAL), {@link String}, {@code
 * byte[]} (BLOB) or {@code null}.
 */
public interface D1PreparedStatement {

  /**
   * The SQL text, as given to {@code prepare}.
   *
   * @return the SQL; never null
   */
  String statement();

  /**
   * The bound values after conversion (Boolean to Long, Integer to Long, ByteBuffer to byte[],
   * ...), in order.
   *
   * @return an unmodifiable list, empty when unbound; may contain nulls
   */
  List<Object> params();

  /**
   * Returns a new statement with these values bound positionally. A second {@code bind} replaces
   * the values, it does not append. The number of values is checked when the statement runs.
   *
   * @param values the values for {@code ?}, {@code ?NNN}, {@code :name}, {@code @name} and {@code
   *     $name} placeholders, in SQLite's parameter order
   * @return a new statement
   * @throws D1TypeException if a value has an unsupported type, e.g. {@code D1_TYPE_ERROR: Type
   *     'object' not supported for value '[object Object]'}
   */
  D1PreparedStatement bind(Object... values);

  /**
   * Runs the statement and returns its rows as ordered maps (column order; with duplicate column
   * names the last column wins, as in D1).
   *
   * @return the rows (empty for writes without RETURNING) and meta
   * @throws D1Exception on any failure
   */
  D1Result<Map<String, Object>> all();

  /**
   * Runs the statement. As in D1, this is the same as {@link #all()}: rows are returned too.
   *
   * @return the rows and meta
   * @throws D1Exception on any failure
   */
  D1Result<Map<String, Object>> run();

  /**
   * Runs the statement and returns its first row. All rows are fetched (D1 adds no {@code LIMIT
   * 1}).
   *
   * @return the first row, or null when there are no rows
   * @throws D1Exception on any failure
   */
  Map<String, Object> first();

  /**
   * Runs the statement and returns one column of its first row.
   *
   * @param column the exact, case-sensitive column name
   * @param <T> the expected value type ({@link Long}, {@link Double}, {@link String}, {@code
   *     byte[]})
   * @return the value, or null when there are no rows or the value is SQL NULL
   * @throws D1ColumnNotFoundException if there is a row but no such column: {@code
   *     D1_COLUMN_NOTFOUND: Column not found (x)}
   * @throws ClassCastException at the call site if {@code T} does not match the value
   */
  <T> T first(String column);

  /**
   * Runs the statement and returns its rows as lists, in column order, keeping duplicate columns.
   *
   * @return the rows; empty when there are none
   * @throws D1Exception on any failure
   */
  List<List<Object>> raw();

  /**
   * Like {@link #raw()}, with the column names as the first row when {@code columnNames} is true.
   * As in D1 a write without RETURNING gives one empty header row.
   *
   * @param columnNames whether to put the column names first
   * @return the rows, header first if asked for
   * @throws D1Exception on any failure
   */
  List<List<Object>> raw(boolean columnNames);

  /**
   * Runs the statement and maps every row onto {@code type}: a record (components by column name),
   * a JavaBean (setters or fields by column name), a {@code Map}, or a single value type ({@link
   * Long}, {@link Integer}, {@link String}, {@link Double}, {@link Boolean}, {@code byte[]}, enums,
   * ...), which takes the first column. Column names match component names exactly, then ignoring
   * case and underscores ({@code company_name} fills {@code companyName}).
   *
   * @param type the row type; not null
   * @param <T> the row type
   * @return the mapped rows and meta
   * @throws D1MappingException if a value cannot be converted to its target, naming both
   * @throws D1Exception on any other failure
   */
  <T> D1Result<T> all(Class<T> type);

  /**
   * Runs the statement and maps its first row as {@link #all(Class)} does.
   *
   * @param type the row type; not null
   * @param <T> the row type
   * @return the mapped first row, or null when there are no rows
   * @throws D1MappingException if a value cannot be converted
   * @throws D1Exception on any other failure
   */
  <T> T first(Class<T> type);

  /**
   * Returns a new statement marked idempotent: running it twice has the same effect as once. The
   * remote backend retries writes only when they are so marked; read-only statements are retried
   * anyway. The local backend ignores the mark.
   *
   * @return a new statement, marked
   */
  D1PreparedStatement idempotent();

  /**
   * Whether this statement was marked with {@link #idempotent()}.
   *
   * @return true if marked
   */
  boolean isIdempotent();
}
