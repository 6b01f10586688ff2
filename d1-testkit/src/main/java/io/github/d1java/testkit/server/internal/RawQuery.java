package io.github.d1java.testkit.server.internal;

import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.spi.AbstractD1PreparedStatement;
import io.github.d1java.spi.D1RawResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a statement and returns columns (duplicates kept), rows and meta, which {@code /raw} needs
 * and the public statement API only gives in pieces. Uses the backend's {@link
 * AbstractD1PreparedStatement#query()} primitive through reflection; where that is not allowed (d1-api
 * on the module path) it falls back to {@code all()}, which loses duplicate column names and the
 * columns of an empty result.
 */
final class RawQuery {

  private static final Method QUERY;

  static {
    Method m;
    try {
      m = AbstractD1PreparedStatement.class.getDeclaredMethod("query");
      m.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // on the module path d1-api does not open its spi package: fall back to the public API
      m = null;
    }
    QUERY = m;
  }

  private RawQuery() {}

  static D1RawResult run(D1PreparedStatement statement) {
    if (QUERY != null && statement instanceof AbstractD1PreparedStatement) {
      try {
        return (D1RawResult) QUERY.invoke(statement);
      } catch (InvocationTargetException e) {
        Throwable t = e.getCause();
        if (t instanceof RuntimeException) {
          throw (RuntimeException) t;
        }
        if (t instanceof Error) {
          throw (Error) t;
        }
        throw new IllegalStateException(t);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return fromResult(statement.all()); // loses duplicate columns and an empty result's columns
  }

  /** A batch element: columns are the row keys (D1's objects already lost duplicates). */
  static D1RawResult fromResult(D1Result<Map<String, Object>> r) {
    List<String> columns = r.results().isEmpty() ? List.of() : new ArrayList<>(r.results().get(0).keySet());
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> m : r.results()) {
      rows.add(new ArrayList<>(m.values()));
    }
    return new D1RawResult(columns, rows, r.meta());
  }
}
