package io.github.d1java.testkit.server.internal;

import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.spi.AbstractD1PreparedStatement;
import io.github.d1java.spi.D1RawResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a statement and returns columns (duplicates kept), rows and meta, which {@code /raw} needs
 * and the public statement API only gives in pieces: {@link
 * AbstractD1PreparedStatement#rawResult()} for every backend built on the spi, else {@code all()},
 * which loses duplicate column names and the columns of an empty result.
 */
final class RawQuery {

  private RawQuery() {}

  static D1RawResult run(D1PreparedStatement statement) {
    if (statement instanceof AbstractD1PreparedStatement) {
      return ((AbstractD1PreparedStatement) statement).rawResult();
    }
    return fromResult(statement.all()); // loses duplicate columns and an empty result's columns
  }

  /** A batch element: columns are the row keys (D1's objects already lost duplicates). */
  static D1RawResult fromResult(D1Result<Map<String, Object>> r) {
    List<String> columns =
        r.results().isEmpty() ? List.of() : new ArrayList<>(r.results().get(0).keySet());
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> m : r.results()) {
      rows.add(new ArrayList<>(m.values()));
    }
    return new D1RawResult(columns, rows, r.meta());
  }
}
