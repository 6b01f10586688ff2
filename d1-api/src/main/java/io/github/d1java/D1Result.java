package io.github.d1java;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The result of {@code all()}, {@code run()} or one element of {@code batch()}: D1's {@code
 * D1Result}.
 *
 * @param success always true for a returned result (failures throw)
 * @param results the rows, unmodifiable and never null ({@code []} for writes without RETURNING)
 * @param meta what the database reports about the query; never null
 * @param <T> the row type, {@code Map<String, Object>} unless mapped
 */
public record D1Result<T>(boolean success, List<T> results, D1Meta meta) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if {@code results} or {@code meta} is null
   */
  public D1Result {
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(meta, "meta");
    results = Collections.unmodifiableList(new ArrayList<>(results));
  }

  /**
   * Maps every row, keeping {@code success} and {@code meta}.
   *
   * @param mapper the row mapper; not null
   * @param <R> the new row type
   * @return a new result
   */
  public <R> D1Result<R> map(Function<? super T, ? extends R> mapper) {
    List<R> mapped = new ArrayList<>(results.size());
    for (T row : results) {
      mapped.add(mapper.apply(row));
    }
    return new D1Result<>(success, mapped, meta);
  }
}
