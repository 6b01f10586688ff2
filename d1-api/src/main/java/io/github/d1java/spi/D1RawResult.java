package io.github.d1java.spi;

import io.github.d1java.D1Meta;
import java.util.List;
import java.util.Objects;

/**
 * What a backend returns for one executed statement: column names (duplicates kept), rows as lists
 * in column order, and meta. Not copied: the backend hands over fresh lists.
 *
 * @param columns the result's column names, empty for a write without RETURNING; not null
 * @param rows the rows, each as long as {@code columns}; not null
 * @param meta the meta; not null
 */
public record D1RawResult(List<String> columns, List<List<Object>> rows, D1Meta meta) {

  /** Validates. */
  public D1RawResult {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(meta, "meta");
  }
}
