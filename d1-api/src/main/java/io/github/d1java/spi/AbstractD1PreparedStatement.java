package io.github.d1java.spi;

import io.github.d1java.D1ColumnNotFoundException;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.internal.RowMap;
import io.github.d1java.internal.RowMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * D1's statement semantics on top of one primitive, {@link #query()}: row objects with last-wins
 * duplicate columns, {@code first(column)}'s rules, {@code raw}'s header row, typed mapping and
 * immutable binding. Backends extend this so they cannot drift apart. Subclasses must be immutable.
 */
public abstract class AbstractD1PreparedStatement implements D1PreparedStatement {

  private final String sql;
  private final List<Object> params;
  private final boolean idempotent;

  /**
   * @param sql the SQL; not null
   * @param params converted bind values (see {@link D1Values}); not null
   * @param idempotent whether the statement is marked idempotent
   */
  protected AbstractD1PreparedStatement(String sql, List<Object> params, boolean idempotent) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.params = Objects.requireNonNull(params, "params");
    this.idempotent = idempotent;
  }

  /**
   * Runs the statement as {@code all}, {@code first} and {@code raw} do.
   *
   * @return columns, rows and meta
   */
  protected abstract D1RawResult query();

  /**
   * Runs the statement as {@code run} does. D1 returns rows from {@code run} too, so by default
   * this is {@link #query()}.
   *
   * @return columns, rows and meta
   */
  protected D1RawResult execute() {
    return query();
  }

  /**
   * A copy of this statement with other params or idempotence, on the same database or session.
   *
   * @param params converted bind values
   * @param idempotent the mark
   * @return a new statement
   */
  protected abstract D1PreparedStatement copy(List<Object> params, boolean idempotent);

  /**
   * Runs the statement as {@code raw(true)} does and returns everything in one piece: the column
   * names (duplicates and an empty result's columns kept), the rows and the meta. For tools that
   * need all three, such as a server that answers D1's {@code /raw} endpoint.
   *
   * @return columns, rows and meta
   * @throws io.github.d1java.D1Exception on any failure
   */
  public final D1RawResult rawResult() {
    return query();
  }

  @Override
  public final String statement() {
    return sql;
  }

  @Override
  public final List<Object> params() {
    return params;
  }

  @Override
  public final boolean isIdempotent() {
    return idempotent;
  }

  @Override
  public D1PreparedStatement bind(Object... values) {
    return copy(D1Values.toBindValues(values), idempotent);
  }

  @Override
  public D1PreparedStatement idempotent() {
    return copy(params, true);
  }

  @Override
  public D1Result<Map<String, Object>> all() {
    return toResult(query());
  }

  @Override
  public D1Result<Map<String, Object>> run() {
    return toResult(execute());
  }

  @Override
  public Map<String, Object> first() {
    D1RawResult r = query();
    return r.rows().isEmpty() ? null : toObject(r.columns(), r.rows().get(0));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T first(String column) {
    Objects.requireNonNull(column, "column");
    D1RawResult r = query();
    if (r.rows().isEmpty()) {
      return null; // D1 returns null before checking the column
    }
    List<String> columns = r.columns();
    List<Object> row = r.rows().get(0);
    for (int i = columns.size() - 1; i >= 0; i--) { // duplicate names: the last one wins
      if (columns.get(i).equals(column)) {
        return (T) row.get(i);
      }
    }
    throw new D1ColumnNotFoundException(column);
  }

  @Override
  public List<List<Object>> raw() {
    return raw(false);
  }

  @Override
  public List<List<Object>> raw(boolean columnNames) {
    D1RawResult r = query();
    if (!columnNames) {
      return Collections.unmodifiableList(r.rows());
    }
    List<List<Object>> out = new ArrayList<>(r.rows().size() + 1);
    out.add(Collections.unmodifiableList(new ArrayList<>(r.columns())));
    out.addAll(r.rows());
    return Collections.unmodifiableList(out);
  }

  @Override
  public <T> D1Result<T> all(Class<T> type) {
    Objects.requireNonNull(type, "type");
    D1RawResult r = query();
    RowMapper<T> mapper = RowMapper.of(type, r.columns());
    List<T> rows = new ArrayList<>(r.rows().size());
    for (List<Object> row : r.rows()) {
      rows.add(mapper.map(row));
    }
    return new D1Result<>(true, rows, r.meta());
  }

  @Override
  public <T> T first(Class<T> type) {
    Objects.requireNonNull(type, "type");
    D1RawResult r = query();
    if (r.rows().isEmpty()) {
      return null;
    }
    return RowMapper.of(type, r.columns()).map(r.rows().get(0));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + sql + "]";
  }

  /**
   * Builds D1's result object: rows as ordered maps.
   *
   * @param r a backend result
   * @return the D1 result
   */
  public static D1Result<Map<String, Object>> toResult(D1RawResult r) {
    List<List<Object>> raw = r.rows();
    List<Map<String, Object>> rows = new ArrayList<>(raw.size());
    if (!raw.isEmpty()) {
      // the names are resolved once per result, not hashed per row
      RowMap.Columns columns = new RowMap.Columns(r.columns());
      for (List<Object> row : raw) {
        rows.add(new RowMap(columns, row));
      }
    }
    return new D1Result<>(true, rows, r.meta());
  }

  /**
   * One row as D1 builds it with {@code Object.fromEntries}: column order, and with duplicate names
   * the last value wins (at the first one's position).
   *
   * @param columns the column names
   * @param row the values
   * @return a new mutable ordered map
   */
  public static Map<String, Object> toObject(List<String> columns, List<Object> row) {
    return new RowMap(new RowMap.Columns(columns), row);
  }
}
